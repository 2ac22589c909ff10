// What a workflow case's `verify(ctx)` gets (see cases.mjs): the execution and small assertion
// helpers, so that a case states what it expects and the failure report says where (the
// runner adds phase, workflow, request log and n8n's output).
import { check } from './check.mjs';
import { nodeOutputs } from './execution.mjs';
import { matchRequests } from './requests.mjs';
import { seed } from './simulator.mjs';

/**
 * `execution`: the parsed `n8n execute` output; `apiRequests`: the Crayon API requests of this
 * run (logins left out).
 */
export function caseContext({ phase, execution, nodeErrors, apiRequests }) {
	return {
		execution,
		nodeErrors,
		apiRequests,
		SEED: seed(),
		state: phase.sim.state,

		/** The items on output 0 of `node`; fails if it did not run. */
		items(node) {
			const items = nodeOutputs(execution, node)?.[0];
			check(Array.isArray(items), `node "${node}" did not run or produced no output`, { node });
			return items;
		},

		/** The run's API requests are exactly these, in order (see matchRequests in requests.mjs). */
		expectRequests(expected, node) {
			matchRequests(apiRequests, expected, { node });
		},
	};
}
