import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { HandlerResult, RequestContext, SimulatorContext } from './context';

/** Issued access tokens → expiry (epoch ms). */
export class TokenStore {
	private readonly tokens = new Map<string, number>();

	issue(lifetimeSeconds: number, now = Date.now()): string {
		const token = randomBytes(32).toString('base64url');
		this.tokens.set(token, now + lifetimeSeconds * 1000);
		return token;
	}

	isValid(token: string, now = Date.now()): boolean {
		const expiresAt = this.tokens.get(token);
		if (expiresAt === undefined) return false;
		if (now >= expiresAt) {
			this.tokens.delete(token);
			return false;
		}
		return true;
	}

	/** Every token issued so far becomes invalid. */
	expireAll(): void {
		this.tokens.clear();
	}
}

/** The bearer token of a request, or undefined. */
export function bearerToken(req: RequestContext): string | undefined {
	const header = req.headers.authorization;
	if (!header) return undefined;
	const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
	return m ? m[1] : undefined;
}

function safeEqual(a: string, b: string): boolean {
	const x = Buffer.from(a);
	const y = Buffer.from(b);
	return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Token error: the token response shape with AccessToken null and Error set (OAuth2 error code).
 * The description is not part of the documented shape; it is only sent as a response header.
 */
function tokenError(error: string, description: string): HandlerResult {
	return {
		status: 400,
		body: {
			AccessToken: null,
			IdentityToken: null,
			Error: error,
			ExpiresIn: 0,
			TokenType: null,
			RefreshToken: null,
		},
		headers: {
			'cache-control': 'no-store',
			pragma: 'no-cache',
			'x-error-description': description,
		},
	};
}

function decodeFormComponent(text: string): string {
	try {
		return decodeURIComponent(text.replace(/\+/g, ' '));
	} catch {
		return text;
	}
}

/**
 * POST /api/v1/connect/token — OAuth2 password grant (IdentityServer style):
 * client authenticated with HTTP Basic, user with the form body. Errors never echo secrets.
 */
export function handleToken(req: RequestContext, sim: SimulatorContext): HandlerResult {
	const { credentials, tokenLifetimeSeconds } = sim.options;
	if (req.contentType !== 'application/x-www-form-urlencoded') {
		return tokenError(
			'invalid_request',
			'The token request must be sent as application/x-www-form-urlencoded.',
		);
	}
	const form = new URLSearchParams(req.rawBody);

	const header = req.headers.authorization ?? '';
	const basic = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header);
	if (!basic) return tokenError('invalid_client', 'Client authentication (HTTP Basic) is missing.');
	const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	if (colon < 0)
		return tokenError('invalid_client', 'Client authentication (HTTP Basic) is malformed.');
	// RFC 6749 §2.3.1: client id and secret are form-encoded before base64.
	const clientId = decodeFormComponent(decoded.slice(0, colon));
	const clientSecret = decodeFormComponent(decoded.slice(colon + 1));
	if (
		!safeEqual(clientId, credentials.clientId) ||
		!safeEqual(clientSecret, credentials.clientSecret)
	) {
		return tokenError('invalid_client', 'Unknown client or wrong client secret.');
	}

	const grantType = form.get('grant_type');
	if (!grantType) return tokenError('invalid_request', 'grant_type is required.');
	if (grantType !== 'password')
		return tokenError('unsupported_grant_type', 'Only the password grant is supported.');

	const username = form.get('username');
	const password = form.get('password');
	if (!username || !password)
		return tokenError('invalid_request', 'username and password are required.');
	if (
		username.toLowerCase() !== credentials.username.toLowerCase() ||
		!safeEqual(password, credentials.password)
	) {
		return tokenError('invalid_grant', 'Invalid username or password.');
	}

	const scope = form.get('scope');
	if (scope !== null && scope.trim() !== '' && !scope.split(/\s+/).includes('CustomerApi')) {
		return tokenError('invalid_scope', 'The only supported scope is CustomerApi.');
	}

	return {
		status: 200,
		body: {
			AccessToken: sim.tokens.issue(tokenLifetimeSeconds, req.now),
			IdentityToken: null,
			Error: null,
			ExpiresIn: tokenLifetimeSeconds,
			TokenType: 'Bearer',
			RefreshToken: null,
		},
		headers: { 'cache-control': 'no-store', pragma: 'no-cache' },
	};
}
