// Checks on the simulator's request log: the login n8n sends, the headers of every API call,
// the exact sequence of requests a case expects, and one login per n8n user folder.
import { check, checkEqual } from './check.mjs';
import { log } from './report.mjs';
import { TOKEN_PATH, simulatorLogin } from './simulator.mjs';

/** The bearer token a request was sent with, if any. */
export function bearer(request) {
	const match = /^Bearer (.+)$/.exec(request.headers?.authorization ?? '');
	return match?.[1];
}

/** Splits a request log into the logins and the API calls. */
export function splitLogins(requests) {
	return {
		logins: requests.filter((request) => request.path === TOKEN_PATH),
		api: requests.filter((request) => request.path !== TOKEN_PATH),
	};
}

/** The login request n8n's preAuthentication must send: Basic client auth, password grant form. */
export function checkLoginRequest(request, context) {
	const { clientId, clientSecret, username, password, scope } = simulatorLogin();
	check(
		request.status === 200,
		`the login (POST ${TOKEN_PATH}) was answered ${request.status}`,
		context,
	);
	checkEqual(
		{
			authorization: request.headers.authorization,
			contentType: request.headers['content-type']?.split(';')[0],
			body: request.body,
		},
		{
			authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
			contentType: 'application/x-www-form-urlencoded',
			body: { grant_type: 'password', username, password, scope },
		},
		'the login request is not the documented password grant',
		context,
	);
}

/** Every API request authenticated with the one token, JSON in and out. */
export function checkApiRequestHeaders(apiRequests, token, context) {
	apiRequests.forEach((request, index) => {
		const where = `API request #${index + 1} (${request.method} ${request.path})`;
		check(bearer(request) !== undefined, `${where} has no Bearer token`, context);
		if (token !== undefined)
			check(
				bearer(request) === token,
				`${where} used a different token than the one fetched at login`,
				context,
			);
		check(
			/application\/json/.test(request.headers.accept ?? ''),
			`${where} does not accept application/json`,
			context,
		);
		if (request.rawBody) {
			check(
				/application\/json/.test(request.headers['content-type'] ?? ''),
				`${where} body is not sent as application/json`,
				context,
			);
		}
	});
}

function describeExpected(expected) {
	const query = expected.query ? `?${new URLSearchParams(expected.query)}` : '';
	return `${expected.method} ${expected.path}${query}${expected.status ? ` → ${expected.status}` : ''}${expected.body ? ` ${JSON.stringify(expected.body)}` : ''}`;
}

/**
 * The API requests must be exactly `expected`, in order: each entry `{ method, path, status?,
 * body?, query? }`; `repeat: '+'` lets one entry match one or more consecutive requests (polling).
 */
export function matchRequests(actual, expected, context) {
	let position = 0;
	for (const [index, want] of expected.entries()) {
		const matches = (request) =>
			request &&
			request.method === want.method &&
			request.path === want.path &&
			(want.status === undefined || request.status === want.status);
		const request = actual[position];
		check(
			matches(request),
			`request ${index + 1} should be ${describeExpected(want)} but ${request ? `was ${request.method} ${request.path} → ${request.status}` : 'was never sent'}`,
			context,
		);
		if (want.body !== undefined)
			checkEqual(
				request.body,
				want.body,
				`body of ${want.method} ${want.path} (request ${position + 1}) is not the expected one`,
				context,
			);
		if (want.query !== undefined)
			checkEqual(
				request.query,
				want.query,
				`query of ${want.method} ${want.path} (request ${position + 1}) is not the expected one`,
				context,
			);
		position += 1;
		if (want.repeat === '+') while (matches(actual[position])) position += 1;
	}
	check(
		position === actual.length,
		`${actual.length - position} unexpected request(s) after the expected ones, starting with ${actual[position]?.method} ${actual[position]?.path}`,
		context,
	);
}

/** Phase-wide: one login for all executions in this n8n user folder, one token for every API call. */
export function checkSingleLogin(phase, { expectedLogins = 1, note } = {}) {
	const context = { phase: phase.label, requests: phase.log, requestsNote: 'whole phase' };
	const { logins } = splitLogins(phase.log);
	check(
		logins.length === expectedLogins,
		`${logins.length} logins across the executions in one n8n user folder, expected ${expectedLogins}`,
		context,
	);
	const tokens = new Set(
		phase.log
			.filter((request) => request.path !== TOKEN_PATH && request.status !== 401)
			.map(bearer),
	);
	check(
		tokens.size === expectedLogins,
		`${tokens.size} different bearer tokens used, expected ${expectedLogins}`,
		context,
	);
	log(
		`  ✓ ${phase.log.length} requests over the phase: ${logins.length} login(s), every API call with the token from it${note ? ` (${note})` : ''}`,
	);
}
