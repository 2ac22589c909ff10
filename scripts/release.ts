/**
 * `npm run release -- <major|minor|patch|x.y.z> [--dry-run]`
 *
 * Prepares a release on a clean main: runs `npm test`, sets the version in package.json
 * and package-lock.json, moves CHANGELOG.md's "Unreleased" entries under the new version
 * with today's date, commits and tags vX.Y.Z. It does not push and does not publish:
 * pushing the tag starts .github/workflows/publish.yml, which publishes to npm with
 * provenance. `--dry-run` checks everything and prints what it would change, writing nothing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import {
	BUMPS,
	localDate,
	nextVersion,
	releaseChangelog,
	repositoryWebUrl,
	setPackageVersion,
} from './lib/release';

const USAGE = `Usage: npm run release -- <${BUMPS.join('|')}|x.y.z> [--dry-run]`;
const root = process.cwd();
const file = (name: string) => path.join(root, name);

function git(...args: string[]): string {
	return execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
}

function fail(message: string): never {
	process.stderr.write(`release: ${message}\n`);
	process.exit(1);
}

/** The new version's section and the link definitions, for the dry run. */
function changelogExcerpt(changelog: string, heading: string): string[] {
	if (!changelog) return ['(not computed)'];
	const lines = changelog.split('\n');
	const section = lines.indexOf(heading);
	let end = section + 1;
	while (end < lines.length && !lines[end].startsWith('## ')) end++;
	const links = lines.filter((line) => /^\[[^\]]+\]: /.test(line)).slice(0, 3);
	return [...lines.slice(lines.indexOf('## [Unreleased]'), end), '…', ...links];
}

function main(): void {
	const args = process.argv.slice(2);
	const dryRun = args.includes('--dry-run');
	const positional = args.filter((arg) => arg !== '--dry-run');
	if (positional.length !== 1 || positional[0].startsWith('-')) fail(USAGE);

	if (!fs.existsSync(file('package.json')) || !fs.existsSync(file('CHANGELOG.md'))) {
		fail('run it from the repository root (npm run release does)');
	}
	const packageText = fs.readFileSync(file('package.json'), 'utf8');
	const lockText = fs.readFileSync(file('package-lock.json'), 'utf8');
	const changelogText = fs.readFileSync(file('CHANGELOG.md'), 'utf8');
	const packageJson = JSON.parse(packageText) as {
		version: string;
		repository?: string | { url?: string };
	};

	const date = localDate(new Date());
	const problems: string[] = [];
	let version = '';
	let changelog = '';
	try {
		version = nextVersion(packageJson.version, positional[0]);
		changelog = releaseChangelog(changelogText, {
			version,
			date,
			repositoryUrl: repositoryWebUrl(packageJson.repository),
		});
	} catch (error) {
		problems.push((error as Error).message);
	}
	const tag = `v${version}`;

	const branch = git('branch', '--show-current');
	if (branch !== 'main')
		problems.push(`releases are made on main (this is ${branch || 'a detached HEAD'})`);
	const dirty = git('status', '--porcelain');
	if (dirty) problems.push(`the working tree is not clean:\n${dirty}`);
	if (version && git('tag', '--list', tag)) problems.push(`tag ${tag} already exists`);

	if (dryRun) {
		process.stdout.write(
			[
				`release (dry run): ${packageJson.version} → ${version || '?'}`,
				`  would run npm test`,
				`  would set "version": "${version}" in package.json and package-lock.json`,
				`  would write CHANGELOG.md with (new section and links):`,
				...changelogExcerpt(changelog, `## [${version}] - ${date}`).map((line) => `    | ${line}`),
				`  would commit "Release ${version}" and create the annotated tag ${tag}`,
				problems.length
					? `problems:\n${problems.map((p) => `  - ${p}`).join('\n')}`
					: 'no problems: run it without --dry-run to release',
				'',
			].join('\n'),
		);
		process.exit(problems.length ? 1 : 0);
	}
	if (problems.length) fail(problems.join('\n'));

	process.stdout.write(`release: ${packageJson.version} → ${version}; npm test first\n`);
	const tests = spawnSync('npm', ['test'], { cwd: root, stdio: 'inherit' });
	if (tests.status !== 0) fail('npm test failed; nothing was changed');
	if (git('status', '--porcelain')) fail('npm test changed the working tree; nothing was released');

	fs.writeFileSync(file('package.json'), setPackageVersion(packageText, version));
	fs.writeFileSync(file('package-lock.json'), setPackageVersion(lockText, version));
	fs.writeFileSync(file('CHANGELOG.md'), changelog);
	git('add', 'package.json', 'package-lock.json', 'CHANGELOG.md');
	git('commit', '--quiet', '-m', `Release ${version}`);
	git('tag', '--annotate', tag, '-m', `n8n-nodes-crayon ${version}`);

	process.stdout.write(
		[
			`release: committed "Release ${version}" and tagged ${tag}.`,
			`Publish it by pushing both: git push origin main ${tag}`,
			'The Publish workflow (.github/workflows/publish.yml) then runs the checks and publishes',
			`${version} to npm with provenance. To undo before pushing: git tag -d ${tag} && git reset --hard HEAD~1`,
			'',
		].join('\n'),
	);
}

main();
