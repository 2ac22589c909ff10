// Queue mode, last: the credential screen's "Test" through n8n's REST API, as the editor calls
// it: POST /rest/credentials/test with `{ credentials: { id, name, type, data } }`, `data` the
// form's values as after "Save" of a new credential (the imported values, the hidden Access
// Token empty). (a) They must log in and call the test request (GET /api/v1/me) with the new
// token; (b) the same values with a wrong password must fail at the login, saying so, without
// the password. Between them: (c) the saved credential reopened (GET …?includeData=true,
// secrets blanked) with a wrong password typed in, while a working token is stored: n8n tests
// it with the stored token, which must not be sent (it was issued for other fields), so the
// test logs in with the wrong password and fails. It runs last because testing a credential
// logs in and saves the new token in it.
import { check, failsAs } from '../../check.mjs';
import { CREDENTIAL } from '../../n8n.mjs';
import { log, seconds } from '../../report.mjs';
import {
	bearer,
	checkApiRequestHeaders,
	checkLoginRequest,
	matchRequests,
	splitLogins,
} from '../../requests.mjs';
import { TOKEN_PATH, credentialFor, simulatorLogin } from '../../simulator.mjs';
import { isTriggerPoll } from './trigger.mjs';

const WRONG_PASSWORD = 'Wrong-Passw0rd-e2e-7Qx';

export async function checkCredentialTest(phase, rest, services) {
	const context = (extra = {}) => ({
		phase: phase.label,
		workflow: "credential test through n8n's REST API (POST /rest/credentials/test)",
		node: `credential "${CREDENTIAL.name}" (${CREDENTIAL.type}, id ${CREDENTIAL.id})`,
		output: services.processOutput(),
		logFile: phase.logDir,
		...extra,
	});
	if (!rest.cookie) await failsAs(context, () => rest.setUpOwner());
	const { password, clientSecret } = simulatorLogin();
	const [imported] = credentialFor(phase.sim);
	const credential = { id: CREDENTIAL.id, name: CREDENTIAL.name, type: CREDENTIAL.type };
	const data = { accessToken: '', ...imported.data };
	/** The requests of the test just made, without the trigger's scheduled polls. */
	const testRequests = () => phase.takeRequests().filter((request) => !isTriggerPoll(request));

	// (a) The imported credential's values → OK, after a login and GET /api/v1/me with its token.
	phase.takeRequests(); // scheduled trigger polls so far
	const earlierTokens = new Set(phase.log.map(bearer).filter(Boolean));
	let started = Date.now();
	const ok = await rest.testCredential({ ...credential, data });
	let requests = testRequests();
	let testContext = context({
		requests,
		output: `${ok.text.slice(0, 1500)}\n${services.processOutput()}`,
	});
	log(
		`  POST /rest/credentials/test (imported values) → ${ok.status} ${ok.text.slice(0, 300)} (${seconds(Date.now() - started)})`,
	);
	check(
		ok.status === 200,
		`the credential test answered HTTP ${ok.status}: ${ok.text.slice(0, 500)}`,
		testContext,
	);
	check(
		ok.json?.data?.status === 'OK',
		`the credential test of the working credential returned ${JSON.stringify(ok.json?.data)}`,
		testContext,
	);
	let { logins, api } = splitLogins(requests);
	check(
		logins.length === 1 && requests[0]?.path === TOKEN_PATH,
		`expected one login first in the credential test, saw ${logins.length}`,
		testContext,
	);
	checkLoginRequest(logins[0], testContext);
	const token = bearer(api[0]);
	checkApiRequestHeaders(api, token, testContext);
	matchRequests(api, [{ method: 'GET', path: '/api/v1/me', status: 200 }], testContext);
	check(
		token !== undefined && !earlierTokens.has(token),
		"GET /api/v1/me in the credential test did not use the token from the test's own login",
		testContext,
	);
	log('  ✓ credential test OK: simulator saw 1 login, then GET /api/v1/me with its token');

	// (c) The saved credential reopened in the editor (secrets blanked, the stored token restored
	// by n8n) with a wrong password typed in: Error, after a login with that password.
	const loaded = await rest.getCredential(CREDENTIAL.id);
	check(
		loaded.status === 200 && loaded.json?.data?.data,
		`GET /rest/credentials/${CREDENTIAL.id}?includeData=true answered HTTP ${loaded.status}`,
		context(),
	);
	started = Date.now();
	const reopened = await rest.testCredential({
		...credential,
		data: { ...loaded.json.data.data, password: WRONG_PASSWORD },
	});
	requests = testRequests();
	testContext = context({
		requests,
		output: `${reopened.text.slice(0, 1500)}\n${services.processOutput()}`,
	});
	log(
		`  POST /rest/credentials/test (saved credential, wrong password typed) → ${reopened.status} ${reopened.text.slice(0, 300)} (${seconds(Date.now() - started)})`,
	);
	check(
		reopened.json?.data?.status === 'Error' &&
			/invalid_grant/.test(String(reopened.json?.data?.message ?? '')),
		`testing the saved credential with a wrong password typed in returned ${JSON.stringify(reopened.json?.data)}: it must fail at the login, not pass with the stored token`,
		testContext,
	);
	({ logins, api } = splitLogins(requests));
	check(
		logins.length === 1 && logins[0].body?.password === WRONG_PASSWORD && logins[0].status !== 200,
		`expected one rejected login with the password typed in, saw ${logins.map((request) => request.status).join(', ') || 'none'}`,
		testContext,
	);
	check(
		api.every((request) => bearer(request) === undefined),
		`the stored token was sent although the password was changed: ${api.map((request) => `${request.method} ${request.path} (${bearer(request) ? 'with' : 'without'} a token)`).join(', ')}`,
		testContext,
	);
	log(
		'  ✓ saved credential with a wrong password typed in: Error (invalid_grant) after 1 rejected login; the stored token was not sent',
	);

	// (b) The same values with a wrong password → Error naming the login step.
	started = Date.now();
	const failed = await rest.testCredential({
		...credential,
		data: { ...data, password: WRONG_PASSWORD },
	});
	requests = testRequests();
	testContext = context({
		requests,
		output: `${failed.text.slice(0, 1500)}\n${services.processOutput()}`,
	});
	log(
		`  POST /rest/credentials/test (wrong password) → ${failed.status} ${failed.text.slice(0, 400)} (${seconds(Date.now() - started)})`,
	);
	check(
		failed.status === 200,
		`the credential test answered HTTP ${failed.status}: ${failed.text.slice(0, 500)}`,
		testContext,
	);
	const message = String(failed.json?.data?.message ?? '');
	check(
		failed.json?.data?.status === 'Error',
		`the credential test with a wrong password returned ${JSON.stringify(failed.json?.data)}`,
		testContext,
	);
	check(
		message.includes(`Crayon login (POST ${phase.sim.baseUrl}${TOKEN_PATH})`) &&
			/invalid_grant/.test(message),
		`the credential test's error message does not name the login step (Crayon login (POST …${TOKEN_PATH}), invalid_grant): ${JSON.stringify(message)}`,
		testContext,
	);
	for (const [what, secret] of [
		['wrong password', WRONG_PASSWORD],
		['password', password],
		['client secret', clientSecret],
	]) {
		check(
			!failed.text.includes(secret),
			`the credential test's answer contains the ${what}`,
			testContext,
		);
	}
	({ logins, api } = splitLogins(requests));
	check(
		logins.length === 1 && logins[0].status !== 200,
		`expected one rejected login in the failed credential test, saw ${logins.map((request) => request.status).join(', ') || 'none'}`,
		testContext,
	);
	check(
		logins[0].body?.password === WRONG_PASSWORD,
		'the failed credential test did not log in with the password typed in',
		testContext,
	);
	check(
		api.length === 0,
		`the failed credential test still called the API: ${api.map((request) => `${request.method} ${request.path}`).join(', ')}`,
		testContext,
	);
	log(
		`  ✓ credential test with a wrong password: Error naming the login step, no secret in the answer; simulator saw 1 rejected login (HTTP ${logins[0].status}), no API call`,
	);
}
