// What `n8n execute --rawOutput` printed, and what is in an execution: node runs, the items on
// each output, node errors, and secrets that must not be there.

/** The execution JSON starts at the first line that is exactly `{` and ends at a line that is exactly `}`. */
export function parseExecution(output) {
	const lines = String(output ?? '').split('\n');
	const start = lines.findIndex((line) => line.trimEnd() === '{');
	if (start === -1) return undefined;
	for (let end = lines.length - 1; end > start; end--) {
		if (lines[end].trimEnd() !== '}') continue;
		try {
			const parsed = JSON.parse(lines.slice(start, end + 1).join('\n'));
			if (parsed?.data?.resultData) return parsed;
		} catch {
			// a shorter candidate may parse
		}
	}
	return undefined;
}

/** A node's first run in `runData` (n8n keeps one entry per run; these workflows run each node once). */
export function nodeRun(runData, nodeName) {
	return runData?.[nodeName]?.[0];
}

/**
 * The items on each main output of a node's first run: `[output 0, output 1, …]`. A regular node
 * has one output; with "On Error → Continue (using error output)" n8n adds output 1, the error
 * output (empty when no item failed). Undefined when the node did not run.
 */
export function nodeOutputs(execution, nodeName) {
	return nodeRun(execution?.data?.resultData?.runData, nodeName)?.data?.main;
}

/** Every node error in an execution: the workflow error and each node run's error. */
export function executionErrors(execution) {
	const errors = [];
	const resultData = execution?.data?.resultData;
	if (!resultData) return errors;
	for (const [node, runs] of Object.entries(resultData.runData ?? {})) {
		for (const run of runs ?? []) {
			if (run?.error) errors.push({ node, error: run.error });
		}
	}
	if (resultData.error) {
		const node = resultData.error.node?.name ?? resultData.lastNodeExecuted;
		if (!errors.some((entry) => entry.node === node))
			errors.push({ node, error: resultData.error });
	}
	return errors;
}

/** The names of the `secrets` (`[{ what, value }]`) whose value occurs anywhere in `text`. */
export function secretsIn(text, secrets) {
	return secrets.filter(({ value }) => value && text.includes(value)).map(({ what }) => what);
}
