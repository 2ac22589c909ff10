// The suite's network stays on 127.0.0.1: free ports for every server it starts, and a proxy
// trap that catches whatever n8n would fetch from the internet.
import { createServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';

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
