import { spawnSync } from 'node:child_process';
import path from 'node:path';

const guard = path.join(__dirname, '..', '..', 'scripts', 'prepublish-guard.mjs');

/** Runs the prepublishOnly guard as npm would for version 1.2.3, with only the given variables. */
function runGuard(env: Record<string, string>) {
	const result = spawnSync(process.execPath, [guard], {
		env: { PATH: process.env.PATH ?? '', npm_package_version: '1.2.3', ...env },
		encoding: 'utf8',
	});
	return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

const publishWorkflow = {
	GITHUB_ACTIONS: 'true',
	GITHUB_WORKFLOW_REF: 'owner/n8n-nodes-x/.github/workflows/publish.yml@refs/tags/v1.2.3',
	GITHUB_REF: 'refs/tags/v1.2.3',
	npm_config_provenance: 'true',
};

describe('prepublishOnly guard', () => {
	it('lets the Publish workflow publish the tag of the version with provenance', () => {
		const { status, output } = runGuard(publishWorkflow);
		expect(status).toBe(0);
		expect(output).toContain('publishing 1.2.3');
	});

	it('accepts provenance set through NPM_CONFIG_PROVENANCE', () => {
		const env: Record<string, string> = { ...publishWorkflow, NPM_CONFIG_PROVENANCE: 'true' };
		delete env.npm_config_provenance;
		expect(runGuard(env).status).toBe(0);
	});

	it('refuses a publish from a laptop and says how to release', () => {
		const { status, output } = runGuard({});
		expect(status).toBe(1);
		expect(output).toContain('npm publish refused: this is not GitHub Actions');
		expect(output).toContain('provenance is off');
		expect(output).toContain('npm run release -- <major|minor|patch|x.y.z>');
		expect(output).toContain('git push origin main v<version>');
	});

	it.each([
		['without provenance', { npm_config_provenance: 'false' }, 'provenance is off'],
		[
			'from another workflow',
			{ GITHUB_WORKFLOW_REF: 'owner/n8n-nodes-x/.github/workflows/ci.yml@refs/heads/main' },
			'not the Publish workflow',
		],
		['from a branch', { GITHUB_REF: 'refs/heads/main' }, 'is not the tag v1.2.3'],
		[
			'from the tag of another version',
			{ GITHUB_REF: 'refs/tags/v1.2.4' },
			'is not the tag v1.2.3',
		],
	])('refuses a publish %s', (_case, change, message) => {
		const { status, output } = runGuard({ ...publishWorkflow, ...change });
		expect(status).toBe(1);
		expect(output).toContain(message);
	});
});
