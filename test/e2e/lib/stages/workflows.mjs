// Stage 3 (and 6 on the compat line): a fresh n8n user folder, every workflow case in
// cases.mjs and the runnable examples with `n8n execute`, one login across all of them, then
// the token-expiry stage in the same folder.
import { existsSync, readdirSync } from 'node:fs';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';

import { CASES } from '../../cases.mjs';
import { check } from '../check.mjs';
import { CREDENTIAL } from '../n8n.mjs';
import { setUpPhase } from '../phase.mjs';
import { log, soft, stage } from '../report.mjs';
import { checkSingleLogin } from '../requests.mjs';
import { stopSimulator } from '../simulator.mjs';
import { completeCase, genericCase, runWorkflowCase } from '../workflow-case.mjs';
import { runTokenExpiry } from './token-expiry.mjs';

export async function readWorkflow(file) {
	return JSON.parse(await readFile(file, 'utf8'));
}

/** `[{ workflow, testCase }]` for every case in cases.mjs, each checked against its workflow. */
export async function loadFixtures(workflowsDir) {
	return await Promise.all(
		CASES.map(async (testCase) => {
			const workflow = await readWorkflow(join(workflowsDir, testCase.file));
			return { workflow, testCase: completeCase(testCase, workflow) };
		}),
	);
}

/**
 * `n8n execute` starts only from a Manual Trigger, so an example that starts from a Schedule
 * Trigger runs with a Manual Trigger of the same name in its place (the schedule is what the
 * example is about, not what is tested; its nodes must not read the trigger's output).
 */
function startedByHand(workflow) {
	return {
		...workflow,
		nodes: workflow.nodes.map((node) =>
			node.type === 'n8n-nodes-base.scheduleTrigger'
				? { ...node, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} }
				: node,
		),
	};
}

/** Where the examples read files: n8n's allowed folder (N8N_RESTRICT_FILE_ACCESS_TO's default ~/.n8n-files) in its Docker image. */
const DOCKER_N8N_FILES = '/home/node/.n8n-files/';

/**
 * The workflow with each Read/Write Files from Disk node reading its file (examples/<name>,
 * copied, not linked: n8n refuses paths through symlinks) from the run's `filesDir`, which the
 * n8n processes get as their only allowed folder (N8N_RESTRICT_FILE_ACCESS_TO), as in Docker.
 */
async function readingFilesFrom(workflow, { examplesDir, filesDir }, context) {
	const nodes = [];
	for (const node of workflow.nodes) {
		if (node.type !== 'n8n-nodes-base.readWriteFile') {
			nodes.push(node);
			continue;
		}
		const selector = String(node.parameters?.fileSelector ?? '');
		check(
			selector.startsWith(DOCKER_N8N_FILES),
			`node "${node.name}" reads ${selector}, expected a file in ${DOCKER_N8N_FILES}`,
			{ ...context, node: node.name },
		);
		const name = basename(selector);
		await mkdir(filesDir, { recursive: true });
		await copyFile(join(examplesDir, name), join(filesDir, name));
		nodes.push({ ...node, parameters: { ...node.parameters, fileSelector: join(filesDir, name) } });
	}
	return { ...workflow, nodes };
}

/**
 * examples/*.json with generic checks (lib/workflow-case.mjs genericCase). Those with a Manual
 * Trigger or a Schedule Trigger (then started by hand, see startedByHand) are runnable:
 * `n8n execute` cannot start any other trigger.
 */
export async function loadExamples({ examplesDir, repo, filesDir }) {
	if (!existsSync(examplesDir)) return [];
	const files = readdirSync(examplesDir)
		.filter((file) => file.endsWith('.json'))
		.sort();
	const examples = [];
	for (const [index, file] of files.entries()) {
		const source = relative(repo, join(examplesDir, file)).startsWith('..')
			? join(examplesDir, file)
			: relative(repo, join(examplesDir, file));
		const exported = await readWorkflow(join(examplesDir, file));
		const scheduled = exported.nodes?.some(
			(node) => node.type === 'n8n-nodes-base.scheduleTrigger',
		);
		const workflow = await readingFilesFrom(
			scheduled ? startedByHand(exported) : exported,
			{ examplesDir, filesDir },
			{ workflow: source },
		);
		if (scheduled)
			log(
				`  note: ${source} starts from a Schedule Trigger; run with a Manual Trigger in its place`,
			);
		const context = { workflow: `${workflow.name ?? file} (${source})` };
		check(
			Array.isArray(workflow.nodes) && workflow.connections,
			`${source} is not an n8n workflow export`,
			context,
		);
		workflow.id ??= `e2eExample${String(index + 1).padStart(3, '0')}`;
		workflow.name ??= file;
		for (const node of workflow.nodes.filter(
			(candidate) => candidate.type === 'n8n-nodes-crayon.crayon',
		)) {
			const reference = node.credentials?.crayonApi;
			check(
				reference?.id === CREDENTIAL.id,
				`node "${node.name}" references credential ${JSON.stringify(reference)}, expected { id: "${CREDENTIAL.id}", name: "${CREDENTIAL.name}" }`,
				{ ...context, node: node.name },
			);
		}
		const runnable = workflow.nodes.some((node) => node.type === 'n8n-nodes-base.manualTrigger');
		if (!runnable)
			log(`  note: ${source} has no Manual Trigger, so \`n8n execute\` cannot run it; skipped`);
		examples.push({ source, workflow, runnable, testCase: genericCase(source, workflow) });
	}
	return examples.filter((example) => example.runnable);
}

async function runAll(phase, fixtures, { fromSeed = false } = {}) {
	for (const { workflow, testCase } of fixtures) {
		// An example expects the seeded data (as in the engine's examples test), not what the cases
		// before it bought or cancelled; tokens and the request log stay, so one login still serves all.
		if (fromSeed) phase.sim.state.reset();
		await soft(() => runWorkflowCase(phase, workflow, testCase));
	}
}

/**
 * The `n8n execute` stages of one n8n line in one user folder: the cases, then (unless
 * `examples` is undefined: --skip-examples, and the compat line) the examples, one login for
 * all, token expiry.
 */
export async function runExecuteStages(label, n8n, run, { fixtures, examples }) {
	const phase = await stage(`${label}: user folder, package install, imports`, () =>
		setUpPhase(label, n8n, run, [
			...fixtures.map(({ workflow }) => workflow),
			...(examples ?? []).map(({ workflow }) => workflow),
		]),
	);
	try {
		await stage(`${label}: ${fixtures.length} workflows (n8n execute)`, () =>
			runAll(phase, fixtures),
		);
		if (examples !== undefined) {
			await stage(`${label}: ${examples.length} example workflow(s) from examples/`, async () => {
				if (examples.length === 0) log('  examples/ holds no workflows yet');
				await runAll(phase, examples, { fromSeed: true });
			});
		}
		await stage(`${label}: one login for all executions`, () =>
			soft(() => checkSingleLogin(phase)),
		);
		await stage(`${label}: token expiry between executions`, () =>
			soft(() => runTokenExpiry(phase, fixtures)),
		);
	} finally {
		await stopSimulator(phase.sim);
		await phase.smtp.stop();
	}
}
