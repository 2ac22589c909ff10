// Runs the official n8n verification scanner's lint (`analyzePackage`) on this folder's
// shipped sources and on the packed tarball's contents, as the scanner does for a
// published package, and checks that the tarball holds exactly what n8n loads: LICENSE,
// README.md, package.json, the node and credential bundles named in package.json's "n8n"
// section, each node's codex file and the icons the bundles reference. Exits non-zero on
// any error.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
	analyzePackage,
	SOURCE_FILE_PATTERNS,
} from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

function unpackTarball() {
	const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crayon-scan-'));
	const [{ filename }] = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--pack-destination', workDir], {
			cwd: root,
		}).toString(),
	);
	const packageDir = path.join(workDir, 'package');
	execFileSync('tar', ['-xzf', path.join(workDir, filename), '-C', workDir]);
	return packageDir;
}

function filesUnder(dir, prefix = '') {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const relative = path.posix.join(prefix, entry.name);
		return entry.isDirectory() ? filesUnder(path.join(dir, entry.name), relative) : [relative];
	});
}

/** What n8n needs from the package, derived from its package.json and bundles. */
function expectedFiles(packageDir) {
	const { n8n } = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
	const expected = new Set(['LICENSE', 'README.md', 'package.json']);
	for (const bundle of [...n8n.nodes, ...n8n.credentials]) {
		expected.add(bundle);
		if (n8n.nodes.includes(bundle)) expected.add(bundle.replace(/\.js$/, '.json'));
		const code = fs.readFileSync(path.join(packageDir, bundle), 'utf8');
		for (const [, icon] of code.matchAll(/['"]file:([^'"]+\.svg)['"]/g)) {
			expected.add(path.posix.join(path.posix.dirname(bundle), icon));
		}
	}
	return expected;
}

function checkTarballContents(packageDir) {
	const actual = new Set(filesUnder(packageDir));
	const expected = expectedFiles(packageDir);
	const missing = [...expected].filter((file) => !actual.has(file));
	const unexpected = [...actual].filter((file) => !expected.has(file));
	const passed = missing.length === 0 && unexpected.length === 0;
	console.log(
		`${passed ? 'PASS' : 'FAIL'} tarball contents: ${actual.size} files` +
			(missing.length ? `; missing: ${missing.join(', ')}` : '') +
			(unexpected.length ? `; not needed by n8n: ${unexpected.join(', ')}` : ''),
	);
	return passed;
}

const tarballDir = unpackTarball();
const targets = [
	{
		label: 'sources (nodes/, credentials/, package.json)',
		dir: root,
		patterns: SOURCE_FILE_PATTERNS,
	},
	{ label: 'packed tarball', dir: tarballDir, patterns: undefined },
];

let failed = !checkTarballContents(tarballDir);
for (const { label, dir, patterns } of targets) {
	const result = await analyzePackage(dir, patterns);
	console.log(
		`${result.passed ? 'PASS' : 'FAIL'} scanner: ${label}${result.message ? ` (${result.message})` : ''}`,
	);
	if (!result.passed) {
		failed = true;
		console.log(result.details ?? '');
	}
}
process.exit(failed ? 1 : 0);
