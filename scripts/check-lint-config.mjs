// Proves what eslint.config.mjs promises:
// - every shipped source (nodes/**/*.ts, credentials/**/*.ts, package.json) gets exactly the
//   configuration `@n8n/node-cli/eslint`'s `config` gives it on its own (rules with their
//   options, parser, plugins), so `npm run lint` is the official community-node lint for
//   everything that is published;
// - the project's own tooling gets no rule beyond ESLint's and typescript-eslint's
//   recommended sets.
// Exits non-zero and names the file and the rules that differ.
import eslintJs from '@eslint/js';
import { config as officialConfig } from '@n8n/node-cli/eslint';
import { ESLint } from 'eslint';
import fs from 'node:fs';
import path from 'node:path';
import tseslint from 'typescript-eslint';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const shippedFolders = ['nodes', 'credentials'];
const skippedFolders = new Set(['node_modules', 'dist', 'build', 'coverage', '.git', '.e2e-cache']);

function typescriptFiles(dir) {
	if (!fs.existsSync(dir)) return [];
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return skippedFolders.has(entry.name) ? [] : typescriptFiles(full);
		return entry.name.endsWith('.ts') ? [path.relative(root, full)] : [];
	});
}

const severity = (value) => {
	const level = Array.isArray(value) ? value[0] : value;
	return { 0: 'off', 1: 'warn', 2: 'error' }[level] ?? level;
};

/** The rules a file gets, without the ones turned off, with options. */
const enabledRules = (calculated) =>
	Object.fromEntries(
		Object.entries(calculated?.rules ?? {})
			.filter(([, value]) => severity(value) !== 'off')
			.map(([rule, value]) => [rule, JSON.stringify(value)]),
	);

const describe = (calculated) => ({
	rules: enabledRules(calculated),
	parser: calculated?.languageOptions?.parser?.meta?.name ?? 'espree',
	plugins: Object.keys(calculated?.plugins ?? {}).sort(),
});

const project = new ESLint({ cwd: root });
const official = new ESLint({
	cwd: root,
	overrideConfigFile: true,
	overrideConfig: officialConfig,
});
const recommendedOnly = new ESLint({
	cwd: root,
	overrideConfigFile: true,
	overrideConfig: tseslint.config({
		files: ['**/*.ts'],
		extends: [eslintJs.configs.recommended, tseslint.configs.recommended],
	}),
});

const problems = [];
const allFiles = typescriptFiles(root);
const shipped = [
	...allFiles.filter((file) => shippedFolders.includes(file.split(path.sep)[0])),
	'package.json',
];
const tooling = allFiles.filter((file) => !shipped.includes(file));

for (const file of shipped) {
	const ours = describe(await project.calculateConfigForFile(file));
	const theirs = describe(await official.calculateConfigForFile(file));
	const differing = [...new Set([...Object.keys(ours.rules), ...Object.keys(theirs.rules)])].filter(
		(rule) => ours.rules[rule] !== theirs.rules[rule],
	);
	if (differing.length)
		problems.push(`${file}: rules differ from the official config: ${differing}`);
	if (ours.parser !== theirs.parser)
		problems.push(`${file}: parser ${ours.parser}, official config: ${theirs.parser}`);
	if (ours.plugins.join() !== theirs.plugins.join())
		problems.push(`${file}: plugins ${ours.plugins}, official config: ${theirs.plugins}`);
}

for (const file of tooling) {
	if (await project.isPathIgnored(file)) continue;
	const ours = enabledRules(await project.calculateConfigForFile(file));
	const allowed = enabledRules(await recommendedOnly.calculateConfigForFile(file));
	const extra = Object.keys(ours).filter((rule) => ours[rule] !== allowed[rule]);
	if (extra.length) {
		problems.push(
			`${file}: rules beyond the TypeScript recommended set (tooling? add its folder to toolingFolders in eslint.config.mjs): ${extra}`,
		);
	}
}

if (problems.length) {
	console.log(`FAIL lint config:\n  ${problems.join('\n  ')}`);
	process.exit(1);
}
console.log(
	`PASS lint config: ${shipped.length} shipped files get exactly @n8n/node-cli's config, ` +
		`${tooling.length} tooling files only the TypeScript recommended rules`,
);
