// Queue mode, the list searches behind "From list", through n8n's REST API as the editor calls
// them (POST /rest/dynamic-node-parameters/resource-locator-results, as the owner): each
// LIST_SEARCH_CASES entry's exact Crayon request, and the entries offered.
import { LIST_SEARCH_CASES } from '../../../queue-cases.mjs';
import { check, failsAs, withContext } from '../../check.mjs';
import { CREDENTIAL } from '../../n8n.mjs';
import { log, seconds } from '../../report.mjs';
import { checkApiRequestHeaders, matchRequests, splitLogins } from '../../requests.mjs';
import { seed } from '../../simulator.mjs';
import { isTriggerPoll } from './trigger.mjs';

export async function checkListSearches(phase, rest, services) {
	const context = (extra = {}) => ({
		phase: phase.label,
		workflow:
			"list search through n8n's REST API (POST /rest/dynamic-node-parameters/resource-locator-results)",
		output: services.processOutput(),
		logFile: phase.logDir,
		...extra,
	});
	await failsAs(context, () => rest.setUpOwner());
	log('  owner set up through POST /rest/owner/setup (n8n-auth cookie)');
	for (const search of LIST_SEARCH_CASES) {
		phase.takeRequests(); // scheduled trigger polls so far
		const token = phase.tokenSoFar();
		const started = Date.now();
		const answer = await rest.resourceLocatorResults({
			...search.request,
			credentials: { [CREDENTIAL.type]: { id: CREDENTIAL.id, name: CREDENTIAL.name } },
		});
		const requests = phase.takeRequests().filter((request) => !isTriggerPoll(request));
		const searchContext = context({
			node: `${search.request.nodeType} ${search.request.methodName} (${search.title})`,
			requests,
		});
		check(
			answer.status === 200,
			`the list search answered HTTP ${answer.status}: ${answer.text.slice(0, 500)}`,
			searchContext,
		);
		const { logins, api } = splitLogins(requests);
		check(
			logins.length === (token === undefined ? 1 : 0),
			`the list search logged in ${logins.length}× (${token === undefined ? 'once expected: nothing had logged in yet' : 'the credential holds a valid token'})`,
			searchContext,
		);
		checkApiRequestHeaders(api, token, searchContext);
		matchRequests(api, search.requests(seed()), searchContext);
		await withContext(searchContext, () => search.verify(answer.json?.data, { SEED: seed() }), {
			output: `${answer.text.slice(0, 1500)}\n${services.processOutput()}`,
		});
		log(
			`  ✓ list search ${search.request.methodName}: ${search.title}: ${answer.json.data.results.length} entries (${seconds(Date.now() - started)})`,
		);
	}
}
