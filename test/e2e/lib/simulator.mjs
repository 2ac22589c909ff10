// The Crayon API simulator, run inside this driver process (a plain node:http server on
// 127.0.0.1), so the suite reads its request log and expires its tokens directly.
import { createServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** Bundles simulator/index.ts (TypeScript) with the repository's esbuild and loads it. */
export async function loadSimulator(repoRoot, outDir) {
	const require = createRequire(join(repoRoot, 'package.json'));
	const esbuild = require('esbuild');
	const outfile = join(outDir, 'simulator.cjs');
	await esbuild.build({
		entryPoints: [join(repoRoot, 'simulator', 'index.ts')],
		bundle: true,
		platform: 'node',
		target: 'node20',
		format: 'cjs',
		packages: 'external',
		outfile,
		logLevel: 'warning',
	});
	return require(outfile);
}

/** A free TCP port on 127.0.0.1 (closed again before it is returned). */
export async function freePort() {
	return await new Promise((resolve, reject) => {
		const server = createNetServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

/**
 * An HTTP proxy on loopback that forwards nothing: n8n gets it as HTTP(S)_PROXY, so anything
 * it would fetch from the internet fails fast here and is listed in the summary.
 */
export async function startProxyTrap() {
	const attempts = [];
	const server = createServer((req, res) => {
		attempts.push(`${req.method} ${req.url}`);
		res.writeHead(403, { 'content-type': 'text/plain' });
		res.end('blocked by the n8n-nodes-crayon e2e suite: only loopback traffic is allowed\n');
	});
	server.on('connect', (req, socket) => {
		attempts.push(`CONNECT ${req.url}`);
		socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${server.address().port}`,
		attempts,
		stop: () =>
			new Promise((resolve) => {
				server.closeAllConnections?.();
				server.close(() => resolve());
			}),
	};
}
