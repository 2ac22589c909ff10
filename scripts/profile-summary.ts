/**
 * Where an n8n process spent its CPU: self time of a `node --cpu-prof` profile by package
 * (n8n-core, n8n-workflow, this node, the expression VM, Node's internals, …) and its top
 * functions. With a second profile of the same workflow with more items, the difference per
 * added item: what each added item costs, n8n's start-up and shutdown cancelled out.
 *
 *   npm run build:tools && node build/profile-summary.js <profile> [<profile with more items> <added items>]
 */
import fs from 'node:fs';

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
	hitCount?: number;
}
interface Profile {
	nodes: ProfileNode[];
	samples: number[];
	timeDeltas: number[];
}

/** What a script belongs to, from the package it is in (the innermost node_modules folder). */
const PACKAGES: Array<[RegExp, string]> = [
	[/^n8n-nodes-crayon\//, 'Crayon node (this package)'],
	[/^n8n-nodes-bench-floor\//, 'minimal node'],
	[
		/^n8n-core\/dist\/execution-engine\/node-execution-context\/utils\/request-helpers\//,
		'n8n-core request helpers',
	],
	[/^n8n-core\//, 'n8n-core (other)'],
	[/^@n8n\/backend-network\//, '@n8n/backend-network (HTTP)'],
	[/^n8n-workflow\/dist\/.*[Ee]xpression/, 'n8n-workflow expressions'],
	[/^n8n-workflow\//, 'n8n-workflow (other)'],
	[/^(@n8n\/expression-runtime|isolated-vm|@n8n\/tournament)\//, 'expression engine (isolated VM)'],
	[/^n8n\/dist\/credentials/, 'n8n credentials helper'],
	[/^n8n\//, 'n8n (cli, other)'],
	[/^(@n8n\/typeorm|typeorm|sqlite3|@n8n\/db)\//, 'database (typeorm, sqlite)'],
	[/^(axios|follow-redirects|proxy-from-env|form-data)\//, 'axios'],
	[/^((?:@[^/]+\/)?[^/]+)\//, ''],
];

function categoryOf(node: ProfileNode): string {
	const { url, functionName } = node.callFrame;
	if (url === '') return functionName.startsWith('(') ? functionName : `native: ${functionName}`;
	if (/^node:|^internal\//.test(url)) return 'Node.js internals';
	const inPackage = url.split('node_modules/').at(-1) ?? url;
	for (const [pattern, name] of PACKAGES) {
		const match = pattern.exec(inPackage);
		if (match) return name || `package ${match[1]}`;
	}
	return 'other';
}

/** Self time in ms per category and per function. */
function selfTimes(file: string): {
	byCategory: Map<string, number>;
	byFunction: Map<string, number>;
	totalMs: number;
} {
	const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const byCategory = new Map<string, number>();
	const byFunction = new Map<string, number>();
	let totalMs = 0;
	profile.samples.forEach((id, index) => {
		const node = byId.get(id);
		const ms = (profile.timeDeltas[index] ?? 0) / 1000;
		if (!node || node.callFrame.functionName === '(idle)') return;
		totalMs += ms;
		const category = categoryOf(node);
		byCategory.set(category, (byCategory.get(category) ?? 0) + ms);
		const { functionName, url, lineNumber } = node.callFrame;
		const where = `${functionName || '(anonymous)'} ${url.replace(/^.*node_modules\//, '')}:${lineNumber + 1}`;
		byFunction.set(where, (byFunction.get(where) ?? 0) + ms);
	});
	return { byCategory, byFunction, totalMs };
}

function table(entries: Array<[string, number]>, limit: number, digits = 0): string {
	return entries
		.sort((a, b) => b[1] - a[1])
		.slice(0, limit)
		.map(([name, value]) => `| ${name} | ${value.toFixed(digits)} ms |`)
		.join('\n');
}

function main(): void {
	const [first, second, added] = process.argv.slice(2);
	if (!first)
		throw new Error('usage: profile-summary <profile> [<profile with more items> <added items>]');
	const small = selfTimes(first);
	if (!second) {
		process.stdout.write(
			`CPU (not idle): ${small.totalMs.toFixed(0)} ms\n\n| package | self time |\n|---|---|\n${table([...small.byCategory], 20)}\n\n| function | self time |\n|---|---|\n${table([...small.byFunction], 30)}\n`,
		);
		return;
	}
	const large = selfTimes(second);
	const items = Number(added);
	const perItem = (a: Map<string, number>, b: Map<string, number>) =>
		[...new Set([...a.keys(), ...b.keys()])].map(
			(key) => [key, ((b.get(key) ?? 0) - (a.get(key) ?? 0)) / items] as [string, number],
		);
	process.stdout.write(
		`CPU per added item: ${((large.totalMs - small.totalMs) / items).toFixed(3)} ms (${small.totalMs.toFixed(0)} ms → ${large.totalMs.toFixed(0)} ms for ${items} more items)\n\n` +
			`| package | CPU per added item |\n|---|---|\n${table(perItem(small.byCategory, large.byCategory), 16, 3)}\n\n` +
			`| function | CPU per added item |\n|---|---|\n${table(perItem(small.byFunction, large.byFunction), 40, 3)}\n`,
	);
}

main();
