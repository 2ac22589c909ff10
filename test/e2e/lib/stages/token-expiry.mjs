// Stage 4: the simulator invalidates every token between two executions. The next execution
// must get exactly one 401, log in once and send the rejected request again, unchanged, with
// the new token (nothing bought twice); the one after it must reuse the renewed token, which
// n8n saved in the credential, without logging in.
import { check } from '../check.mjs';
import { log } from '../report.mjs';
import { bearer, checkLoginRequest, checkSingleLogin, splitLogins } from '../requests.mjs';
import { TOKEN_PATH } from '../simulator.mjs';
import { runWorkflowCase } from '../workflow-case.mjs';

/** The two cases run after the expiry: a purchase, then another purchase in a new process. */
const AFTER_EXPIRY = 'subscription-create.json';
const WITH_RENEWED_TOKEN = 'order-verify-checkout.json';

/**
 * Crayon's order verification: a POST that buys nothing. Verify All Items First sends several
 * at once, so more than one of them can meet the expired token before the re-login.
 */
const READ_ONLY_POSTS = new Set(['/api/v1/purchaserequest/verify', '/api/v1/assets/verify']);

/** A request that cannot have bought or changed anything. */
const readsOnly = (request) =>
	request.method === 'GET' || (request.method === 'POST' && READ_ONLY_POSTS.has(request.path));

/**
 * Login check for the run right after `expiredToken` was invalidated: the first request, sent
 * with the old token, is answered 401; then exactly one login (possibly around side-effect-free
 * GET probes the node uses to make n8n renew the token, and other read-only requests sent
 * beside the first one, each rejected and sent again too); then that same request again,
 * unchanged, with the new token. Returns the API requests after the login, the retry first.
 */
function expectRenewal(expiredToken) {
	return (phase, requests, context) => {
		const { logins } = splitLogins(requests);
		check(
			logins.length === 1,
			`expected exactly one re-login after the token expired, saw ${logins.length}`,
			context,
		);
		const [rejected] = requests;
		check(
			rejected &&
				rejected.path !== TOKEN_PATH &&
				rejected.status === 401 &&
				bearer(rejected) === expiredToken,
			'the first request after expiry was not sent with the old token and answered 401',
			context,
		);
		const loginIndex = requests.indexOf(logins[0]);
		const retryIndex = requests.findIndex(
			(request, index) =>
				index > loginIndex &&
				request.method === rejected.method &&
				request.path === rejected.path &&
				request.rawBody === rejected.rawBody,
		);
		check(
			retryIndex !== -1,
			`${rejected.method} ${rejected.path}, rejected with 401, was not sent again after the re-login`,
			context,
		);
		checkLoginRequest(logins[0], context);
		phase.token = bearer(requests[retryIndex]);
		check(phase.token !== expiredToken, 'the retry reused the expired token', context);
		const beforeLogin = requests.slice(1, loginIndex);
		beforeLogin.forEach((probe) => {
			check(
				readsOnly(probe) && probe.status === 401 && bearer(probe) === expiredToken,
				`between the 401 and the re-login only read-only requests rejected with the old token are expected, not ${probe.method} ${probe.path} → ${probe.status}`,
				context,
			);
		});
		// Nothing rejected is lost: each POST the expired token met is sent again, unchanged, after the login.
		beforeLogin
			.filter((probe) => probe.method === 'POST')
			.forEach((probe) => {
				check(
					requests.some(
						(request, index) =>
							index > loginIndex &&
							request.method === probe.method &&
							request.path === probe.path &&
							request.rawBody === probe.rawBody &&
							bearer(request) === phase.token,
					),
					`${probe.method} ${probe.path}, rejected with 401 beside the first request, was not sent again after the re-login`,
					context,
				);
			});
		requests.slice(loginIndex + 1, retryIndex).forEach((probe) => {
			check(
				readsOnly(probe) &&
					probe.status >= 200 &&
					probe.status < 300 &&
					bearer(probe) === phase.token,
				`between the re-login and the retry only read-only requests with the new token are expected, not ${probe.method} ${probe.path} → ${probe.status}`,
				context,
			);
		});
		log(
			`  token renewal: 401 on ${rejected.method} ${rejected.path} and ${beforeLogin.length} other read-only request(s), 1 login, the same request again with the new token`,
		);
		// The retry first, then the rest after the login in arrival order: a read-only request
		// rejected beside the first one may be sent again before it.
		return splitLogins([
			requests[retryIndex],
			...requests.filter((_, index) => index > loginIndex && index !== retryIndex),
		]).api;
	};
}

/** Runs in the phase whose workflow cases have run (`fixtures`: `[{ workflow, testCase }]`). */
export async function runTokenExpiry(phase, fixtures) {
	const byFile = (file) => fixtures.find(({ testCase }) => testCase.file === file);
	const expired = phase.token;
	phase.sim.expireTokens();
	log('  simulator: every issued token is now invalid');
	const first = byFile(AFTER_EXPIRY);
	await runWorkflowCase(phase, first.workflow, first.testCase, {
		checkLogins: expectRenewal(expired),
	});
	// The renewed token must have been saved in the credential: the next process reuses it.
	const second = byFile(WITH_RENEWED_TOKEN);
	await runWorkflowCase(phase, second.workflow, second.testCase);
	checkSingleLogin(phase, { expectedLogins: 2 });
}
