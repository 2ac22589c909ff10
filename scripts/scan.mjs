// Runs the official n8n verification scanner's lint (`analyzePackage`) on this folder's
// shipped sources and on the packed tarball's contents, as the scanner does for a
// published package. Exits non-zero on any error.
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

const targets = [
	{
		label: 'sources (nodes/, credentials/, package.json)',
		dir: root,
		patterns: SOURCE_FILE_PATTERNS,
	},
	{ label: 'packed tarball', dir: unpackTarball(), patterns: undefined },
];

let failed = false;
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
