// What a workflow case's `verify(ctx)` gets (see cases.mjs and README.md "Adding a workflow
// case"): the execution and small assertion helpers, so that a case states what it expects
// and the failure report says where (the runner adds phase, workflow, request log, output).
import { check, checkEqual } from './check.mjs';
import { nodeOutputs, secretsIn } from './execution.mjs';
import { bearer, matchRequests } from './requests.mjs';
import { seed, simulatorLogin } from './simulator.mjs';

const OUTPUT_NAMES = ['output 0 (success)', 'output 1 (error output)'];

function outputName(index) {
	return OUTPUT_NAMES[index] ?? `output ${index}`;
}

/** Where `needle` first occurs in `value`, as a path such as `data.resultData.runData["X"][0]`. */
function pathOf(value, needle, path = '') {
	if (typeof value === 'string') return value.includes(needle) ? path || '(top level)' : undefined;
	if (value === null || typeof value !== 'object') return undefined;
	for (const [key, child] of Object.entries(value)) {
		const step = Array.isArray(value)
			? `[${key}]`
			: /^[A-Za-z_$][\w$]*$/.test(key)
				? `${path ? '.' : ''}${key}`
				: `[${JSON.stringify(key)}]`;
		if (key.includes(needle)) return `${path}${step} (the key)`;
		const found = pathOf(child, needle, `${path}${step}`);
		if (found) return found;
	}
	return undefined;
}

/**
 * The secrets of a phase: the credential's client secret and password, its Basic client auth,
 * and every access token the simulator's log shows in use so far.
 */
export function phaseSecrets(phase) {
	const { clientId, clientSecret, password } = simulatorLogin();
	const tokens = [...new Set(phase.log.map(bearer).filter(Boolean))];
	return [
		{ what: 'the client secret', value: clientSecret },
		{ what: 'the password', value: password },
		{
			what: 'the Basic client auth',
			value: Buffer.from(`${clientId}:${clientSecret}`).toString('base64'),
		},
		...tokens.map((value, index) => ({ what: `access token T${index + 1}`, value })),
	];
}

/**
 * `execution`: the parsed `n8n execute` output; `apiRequests`: the Crayon API requests of this
 * run (logins left out); `output`: n8n's stdout and stderr.
 */
export function caseContext({ phase, execution, nodeErrors, apiRequests, output }) {
	/** The items on each output of `node`: `[output 0, output 1, …]`; fails if it did not run. */
	const outputs = (node) => {
		const all = nodeOutputs(execution, node);
		check(Array.isArray(all), `node "${node}" did not run or produced no output`, { node });
		return all;
	};

	/** The items on one output of `node`: 0 = success, 1 = the error output. */
	const items = (node, output = 0) => {
		const all = outputs(node);
		check(
			Array.isArray(all[output]),
			output === 0
				? `node "${node}" did not run or produced no output`
				: `node "${node}" has no ${outputName(output)}: it has ${all.length} output(s) (output 1 exists with Settings → On Error → "Continue (using error output)")`,
			{ node },
		);
		return all[output];
	};

	return {
		execution,
		nodeErrors,
		apiRequests,
		SEED: seed(),
		state: phase.sim.state,
		/** Messages the loopback SMTP capture received during the run (lib/smtp.mjs). */
		emails: phase.smtp.messages,
		outputs,
		items,

		/** The number of items on each output, e.g. `[2]`, or `[1, 1]` with an error output. */
		expectOutputSizes(node, sizes) {
			const all = outputs(node);
			checkEqual(
				all.map((list) => list?.length ?? 0),
				sizes,
				`"${node}" item counts per output (${sizes.map((_, index) => outputName(index)).join(', ')}) are not the expected ones`,
				{ node },
			);
		},

		/**
		 * The input item each item on the output came from (n8n's pairedItem): `inputs`, by
		 * default item i from input item i. On an error output give them, e.g. `[1]` when only
		 * input item 1 failed.
		 */
		expectPairedItems(node, output = 0, inputs = undefined) {
			const list = items(node, output);
			checkEqual(
				list.map(({ pairedItem }) => {
					const paired = Array.isArray(pairedItem) ? pairedItem[0] : pairedItem;
					return paired?.item ?? paired;
				}),
				inputs ?? list.map((_, index) => index),
				`the items on ${outputName(output)} of "${node}" are paired with the wrong input items`,
				{ node },
			);
		},

		/** The error n8n reports for `node` (the run failed there); fails if there is none. */
		nodeError(node) {
			const entry = nodeErrors.find((candidate) => candidate.node === node);
			check(entry, `n8n reported no error for "${node}"`, { node });
			return entry.error;
		},

		/** The run's API requests are exactly these, in order (see matchRequests in requests.mjs). */
		expectRequests(expected, node) {
			matchRequests(apiRequests, expected, { node });
		},

		/**
		 * No secret (client secret, password, Basic client auth, any access token) anywhere in
		 * the execution JSON or in n8n's output.
		 */
		expectNoSecrets() {
			for (const secret of phaseSecrets(phase)) {
				const where = pathOf(execution, secret.value);
				check(!where, `${secret.what} appears in the execution JSON at ${where}`);
			}
			const leaked = secretsIn(output, phaseSecrets(phase));
			check(leaked.length === 0, `n8n's output contains ${leaked.join(', ')}`);
		},
	};
}
