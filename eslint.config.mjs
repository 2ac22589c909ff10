// The official n8n community-node lint config (`@n8n/node-cli/eslint`, what `n8n-node lint`
// and the starter use), unchanged for everything that ships: nodes/, credentials/ and
// package.json. scripts/check-lint-config.mjs (run by `npm run lint`) proves those files get
// exactly the official rules.
import { config } from '@n8n/node-cli/eslint';
import { globalIgnores } from 'eslint/config';

/** The project's own tooling, never published: TypeScript recommended rules only. */
const toolingFolders = ['simulator', 'test', 'scripts', 'bench', 'harness'];

// Every rule of every plugin the official config brings (n8n's community-nodes and
// n8n-nodes-base rule sets, import-x) except typescript-eslint's, read from the plugins.
const pluginsOfOfficialConfig = Object.assign({}, ...config.map((entry) => entry.plugins ?? {}));
const n8nRulesOff = Object.fromEntries(
	Object.entries(pluginsOfOfficialConfig)
		.filter(([name]) => name !== '@typescript-eslint')
		.flatMap(([name, plugin]) => Object.keys(plugin.rules ?? {}).map((rule) => `${name}/${rule}`))
		.map((rule) => [rule, 'off']),
);

export default [
	...config,
	globalIgnores(['build', 'coverage', '.e2e-cache', 'bench/results']),
	{
		files: toolingFolders.map((folder) => `${folder}/**/*.ts`),
		// no-console is the one core rule the official config adds to the recommended sets.
		rules: { ...n8nRulesOff, 'no-console': 'off' },
	},
];
