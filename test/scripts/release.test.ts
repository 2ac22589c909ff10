import fs from 'node:fs';
import path from 'node:path';

import {
	compareVersions,
	localDate,
	nextVersion,
	releaseChangelog,
	repositoryWebUrl,
	setPackageVersion,
} from '../../scripts/lib/release';

const repositoryUrl = 'https://github.com/owner/n8n-nodes-x';

const changelog = (unreleased: string, links: string) =>
	[
		'# Changelog',
		'',
		'Intro.',
		'',
		'## [Unreleased]',
		'',
		unreleased,
		'',
		'## [0.1.0] - 2026-12-01',
		'',
		'### Added',
		'',
		'- First version.',
		'',
		'## Road to 1.0',
		'',
		'- Criteria.',
		'',
		links,
		'',
	].join('\n');

describe('nextVersion', () => {
	it.each([
		['0.1.0', 'patch', '0.1.1'],
		['0.1.0', 'minor', '0.2.0'],
		['0.1.0', 'major', '1.0.0'],
		['1.2.3', 'minor', '1.3.0'],
		['1.0.0-rc.1', 'major', '1.0.0'],
		['1.0.0-rc.1', 'patch', '1.0.0'],
		['1.1.0-beta.2', 'minor', '1.1.0'],
		['0.1.0', '0.3.0', '0.3.0'],
		['0.9.0', '1.0.0-rc.1', '1.0.0-rc.1'],
		['1.0.0-rc.1', '1.0.0-rc.2', '1.0.0-rc.2'],
	])('%s + %s → %s', (current, request, expected) => {
		expect(nextVersion(current, request)).toBe(expected);
	});

	it('refuses a version that is not higher', () => {
		expect(() => nextVersion('0.2.0', '0.2.0')).toThrow('not higher than the current version');
		expect(() => nextVersion('0.2.0', '0.1.9')).toThrow('not higher');
		expect(() => nextVersion('1.0.0', '1.0.0-rc.1')).toThrow('not higher');
	});

	it('refuses what is not a bump or a semantic version', () => {
		expect(() => nextVersion('0.1.0', 'v0.2.0')).toThrow('not a semantic version');
		expect(() => nextVersion('0.1.0', '0.2')).toThrow('not a semantic version');
		expect(() => nextVersion('0.1.0', 'next')).toThrow('not a semantic version');
	});
});

describe('compareVersions', () => {
	it('orders by semantic-versioning precedence', () => {
		const sorted = [
			'1.0.0',
			'1.0.0-rc.1',
			'0.10.0',
			'1.0.0-alpha',
			'0.9.1',
			'1.0.0-alpha.1',
			'1.0.0-beta',
			'1.0.0-rc.10',
			'1.0.0-rc.2',
		].sort(compareVersions);
		expect(sorted).toEqual([
			'0.9.1',
			'0.10.0',
			'1.0.0-alpha',
			'1.0.0-alpha.1',
			'1.0.0-beta',
			'1.0.0-rc.1',
			'1.0.0-rc.2',
			'1.0.0-rc.10',
			'1.0.0',
		]);
	});
});

describe('releaseChangelog', () => {
	const unreleased = '### Added\n\n- LICENSE.\n\n### Changed\n\n- Links.';
	const links = [
		`[Unreleased]: ${repositoryUrl}/compare/v0.1.0...HEAD`,
		`[0.1.0]: ${repositoryUrl}/releases/tag/v0.1.0`,
	].join('\n');

	it('moves the Unreleased entries under the new version and updates the links', () => {
		const released = releaseChangelog(changelog(unreleased, links), {
			version: '0.2.0',
			date: '2026-12-24',
			repositoryUrl,
		});
		expect(released).toBe(
			[
				'# Changelog',
				'',
				'Intro.',
				'',
				'## [Unreleased]',
				'',
				'## [0.2.0] - 2026-12-24',
				'',
				'### Added',
				'',
				'- LICENSE.',
				'',
				'### Changed',
				'',
				'- Links.',
				'',
				'## [0.1.0] - 2026-12-01',
				'',
				'### Added',
				'',
				'- First version.',
				'',
				'## Road to 1.0',
				'',
				'- Criteria.',
				'',
				`[Unreleased]: ${repositoryUrl}/compare/v0.2.0...HEAD`,
				`[0.2.0]: ${repositoryUrl}/compare/v0.1.0...v0.2.0`,
				`[0.1.0]: ${repositoryUrl}/releases/tag/v0.1.0`,
				'',
			].join('\n'),
		);
	});

	it('links the tag of a first release', () => {
		const text = '# Changelog\n\n## [Unreleased]\n\n- Everything.\n';
		expect(releaseChangelog(text, { version: '0.1.0', date: '2026-12-24', repositoryUrl })).toBe(
			[
				'# Changelog',
				'',
				'## [Unreleased]',
				'',
				'## [0.1.0] - 2026-12-24',
				'',
				'- Everything.',
				'',
				`[Unreleased]: ${repositoryUrl}/compare/v0.1.0...HEAD`,
				`[0.1.0]: ${repositoryUrl}/releases/tag/v0.1.0`,
				'',
			].join('\n'),
		);
	});

	it('refuses an empty Unreleased section', () => {
		expect(() =>
			releaseChangelog(changelog('### Added\n', links), {
				version: '0.2.0',
				date: '2026-12-24',
				repositoryUrl,
			}),
		).toThrow('lists no changes');
	});

	it('refuses a version that already has a section, and a changelog without Unreleased', () => {
		expect(() =>
			releaseChangelog(changelog(unreleased, links), {
				version: '0.1.0',
				date: '2026-12-24',
				repositoryUrl,
			}),
		).toThrow('already has a section for 0.1.0');
		expect(() =>
			releaseChangelog('# Changelog\n\n## [0.1.0]\n', {
				version: '0.2.0',
				date: '2026-12-24',
				repositoryUrl,
			}),
		).toThrow('no "## [Unreleased]" heading');
	});

	it("releases this repository's CHANGELOG.md", () => {
		const root = path.join(__dirname, '..', '..');
		const packageJson = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
		const text = fs.readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8');
		const version = nextVersion(packageJson.version, 'minor');
		const released = releaseChangelog(text, {
			version,
			date: '2026-12-24',
			repositoryUrl: repositoryWebUrl(packageJson.repository),
		});
		expect(released).toContain(`## [Unreleased]\n\n## [${version}] - 2026-12-24\n\n### `);
		expect(released).toContain(
			`[Unreleased]: ${repositoryWebUrl(packageJson.repository)}/compare/v${version}...HEAD`,
		);
		expect(released).toContain('## Road to 1.0');
	});
});

describe('setPackageVersion', () => {
	it('sets the version of package.json, keeping tab indentation', () => {
		const json =
			'{\n\t"name": "x",\n\t"version": "0.1.0",\n\t"n8n": {\n\t\t"strict": true\n\t}\n}\n';
		expect(setPackageVersion(json, '0.2.0')).toBe(json.replace('0.1.0', '0.2.0'));
	});

	it('sets both versions of a lockfile, keeping two-space indentation and dependency versions', () => {
		const lock = {
			name: 'x',
			version: '0.1.0',
			lockfileVersion: 3,
			packages: { '': { name: 'x', version: '0.1.0' }, 'node_modules/y': { version: '0.1.0' } },
		};
		const updated = JSON.parse(setPackageVersion(JSON.stringify(lock, null, 2) + '\n', '0.2.0'));
		expect(updated.version).toBe('0.2.0');
		expect(updated.packages[''].version).toBe('0.2.0');
		expect(updated.packages['node_modules/y'].version).toBe('0.1.0');
		expect(setPackageVersion(JSON.stringify(lock, null, 2) + '\n', '0.2.0')).toMatch(
			/^{\n {2}"name"/,
		);
	});
});

describe('repositoryWebUrl and localDate', () => {
	it('reads the GitHub repository from the package.json forms', () => {
		expect(repositoryWebUrl({ url: 'git+https://github.com/owner/n8n-nodes-x.git' })).toBe(
			repositoryUrl,
		);
		expect(repositoryWebUrl('https://github.com/owner/n8n-nodes-x')).toBe(repositoryUrl);
		expect(() => repositoryWebUrl({ url: 'https://gitlab.com/owner/x.git' })).toThrow(
			'not a GitHub repository URL',
		);
	});

	it('formats the local date as YYYY-MM-DD', () => {
		expect(localDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
	});
});
