// Stage 2: the package as users get it: `npm run build && npm pack` of the working tree into
// the run folder (or the tarball given in CRAYON_E2E_TARBALL).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { npmCliPath } from '../cache.mjs';
import { check } from '../check.mjs';
import { cleanEnv, runCommand } from '../proc.mjs';
import { log } from '../report.mjs';

/** Resolves with the tarball's path. `build: false` (--no-build) packs the existing dist/. */
export async function pack({ repo, runDir, build }) {
	if (process.env.CRAYON_E2E_TARBALL) {
		const tarball = resolve(process.env.CRAYON_E2E_TARBALL);
		check(existsSync(tarball), `CRAYON_E2E_TARBALL=${tarball} does not exist`);
		log(`  CRAYON_E2E_TARBALL: testing ${tarball} instead of packing the working tree`);
		return tarball;
	}
	if (build) {
		await runCommand('npm run build', process.execPath, [npmCliPath(), 'run', 'build'], {
			cwd: repo,
			env: cleanEnv(),
			timeoutMs: 10 * 60_000,
			logFile: join(runDir, 'build.log'),
		});
		log('  npm run build: ok');
	} else {
		log('  --no-build: packing the existing dist/');
	}
	// npm pack --json's answer is parsed: through a file, like every parsed output.
	const { stdout } = await runCommand(
		'npm pack',
		process.execPath,
		[npmCliPath(), 'pack', '--json', '--pack-destination', runDir],
		{
			cwd: repo,
			env: cleanEnv(),
			timeoutMs: 5 * 60_000,
			stdoutFile: join(runDir, 'npm-pack.json'),
		},
	);
	const [packed] = JSON.parse(stdout.slice(stdout.indexOf('[')));
	const tarball = join(runDir, packed.filename);
	log(`  ${packed.filename}: ${packed.files.length} files, ${packed.size} bytes`);
	return tarball;
}
