// An SMTP server on loopback that accepts every message and keeps it: workflows that send
// email (examples/monthly-billing-records.json) run with an SMTP credential pointing here, so
// nothing leaves the machine and the suite can read what n8n would have sent. Plain SMTP only
// (no STARTTLS, no AUTH): nodemailer then sends in the clear to 127.0.0.1.
import { createServer } from 'node:net';

export const SMTP_CREDENTIAL = { id: 'smtp-reseller', name: 'SMTP (reseller mail)', type: 'smtp' };

/** Headers of a MIME entity (unfolded, names lower-cased) and its body. */
function entity(text) {
	const split = text.indexOf('\r\n\r\n');
	const head = split < 0 ? text : text.slice(0, split);
	const body = split < 0 ? '' : text.slice(split + 4);
	const headers = {};
	for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
		const colon = line.indexOf(':');
		if (colon > 0)
			headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
	}
	return { headers, body };
}

/** The attachments of a message: `{ fileName, contentType, content: Buffer }`. */
export function attachmentsOf(raw) {
	const message = entity(raw);
	const boundary = /boundary="?([^";]+)"?/i.exec(message.headers['content-type'] ?? '')?.[1];
	if (!boundary) return [];
	const found = [];
	for (const part of message.body.split(`--${boundary}`).slice(1)) {
		if (part.startsWith('--')) break;
		const { headers, body } = entity(part.replace(/^\r\n/, ''));
		const nested = /boundary=/i.test(headers['content-type'] ?? '');
		if (nested) {
			found.push(...attachmentsOf(part.replace(/^\r\n/, '')));
			continue;
		}
		const disposition = headers['content-disposition'] ?? '';
		const fileName = /filename="?([^";]+)"?/i.exec(disposition)?.[1];
		if (!/^attachment|^inline/i.test(disposition) || !fileName) continue;
		const encoding = (headers['content-transfer-encoding'] ?? '').toLowerCase();
		const data = body.replace(/\r\n$/, '');
		found.push({
			fileName,
			contentType: (headers['content-type'] ?? '').split(';')[0],
			content:
				encoding === 'base64' ? Buffer.from(data.replace(/\s+/g, ''), 'base64') : Buffer.from(data),
		});
	}
	return found;
}

/** Starts the capture; `messages` holds `{ from, to, raw, subject, attachments }` as they arrive. */
export async function startSmtpCapture() {
	const messages = [];
	const sockets = new Set();
	const server = createServer((socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
		socket.on('error', () => {});
		socket.setEncoding('latin1');
		let buffer = '';
		let envelope = { from: '', to: [] };
		let data;
		const reply = (line) => socket.write(`${line}\r\n`);
		reply('220 127.0.0.1 n8n-nodes-crayon e2e SMTP capture');
		socket.on('data', (chunk) => {
			buffer += chunk;
			for (;;) {
				if (data !== undefined) {
					const end = buffer.indexOf('\r\n.\r\n');
					if (end < 0) return;
					const raw = (data + buffer.slice(0, end + 2)).replace(/^\.\./gm, '.');
					buffer = buffer.slice(end + 5);
					data = undefined;
					const { headers } = entity(raw);
					messages.push({
						...envelope,
						raw,
						subject: headers.subject,
						attachments: attachmentsOf(raw),
					});
					envelope = { from: '', to: [] };
					reply('250 2.0.0 kept');
					continue;
				}
				const end = buffer.indexOf('\r\n');
				if (end < 0) return;
				const line = buffer.slice(0, end);
				buffer = buffer.slice(end + 2);
				const verb = line.slice(0, 4).toUpperCase();
				if (verb === 'EHLO') reply('250 127.0.0.1');
				else if (verb === 'HELO') reply('250 127.0.0.1');
				else if (verb === 'MAIL') {
					envelope.from = line.replace(/^MAIL FROM:\s*/i, '');
					reply('250 2.1.0 ok');
				} else if (verb === 'RCPT') {
					envelope.to.push(line.replace(/^RCPT TO:\s*/i, ''));
					reply('250 2.1.5 ok');
				} else if (verb === 'DATA') {
					data = '';
					reply('354 end with <CRLF>.<CRLF>');
				} else if (verb === 'RSET') {
					envelope = { from: '', to: [] };
					reply('250 ok');
				} else if (verb === 'NOOP') reply('250 ok');
				else if (verb === 'QUIT') {
					reply('221 bye');
					socket.end();
					return;
				} else reply('502 5.5.2 not implemented');
			}
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address();
	return {
		port,
		messages,
		/** The SMTP credential n8n imports: this server, no TLS, no login. */
		credential: {
			...SMTP_CREDENTIAL,
			data: {
				host: '127.0.0.1',
				port,
				secure: false,
				disableStartTls: true,
				user: '',
				password: '',
			},
		},
		stop: () =>
			new Promise((resolve) => {
				for (const socket of sockets) socket.destroy();
				server.close(() => resolve());
			}),
	};
}
