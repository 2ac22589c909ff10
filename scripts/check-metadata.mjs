// package.json's "repository" is the one source of truth for where this project lives.
// Checks that everything else that names it agrees:
// - package.json "homepage" (<repository>#readme) and "bugs" (<repository>/issues);
// - every documentation link n8n shows: the codex files' (<Node>.node.json) resources and
//   each credential's documentationUrl point at <repository>#<a README section that exists>,
//   without query strings (no tracking parameters);
// - CHANGELOG.md's version links point at the same repository;
// - LICENSE is the licence package.json names.
// Codex files are found beside the sources of the nodes in package.json's "n8n" section and
// by globbing nodes/**/*.node.json; credentials likewise (credentials/ and nodes/
// **/*.credentials.ts), so moving them does not hide them from the check.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const read = (file) => fs.readFileSync(path.join(root, file), 'utf8');
const packageJson = JSON.parse(read('package.json'));
const problems = [];

const repositoryUrl =
	typeof packageJson.repository === 'string' ? packageJson.repository : packageJson.repository?.url;
const match = /^git\+https:\/\/github\.com\/([\w.-]+)\/([\w.-]+?)\.git$/.exec(repositoryUrl ?? '');
if (!match) {
	console.log(
		`FAIL metadata: package.json repository.url must be git+https://github.com/<owner>/<name>.git (is ${repositoryUrl})`,
	);
	process.exit(1);
}
const web = `https://github.com/${match[1]}/${match[2]}`;

const expectEqual = (what, actual, expected) => {
	if (actual !== expected) problems.push(`${what} is ${actual}, expected ${expected}`);
};
expectEqual('package.json homepage', packageJson.homepage, `${web}#readme`);
expectEqual('package.json bugs.url', packageJson.bugs?.url, `${web}/issues`);

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
const readmeAnchors = new Set(
	read('README.md')
		.split('\n')
		.filter((line) => /^#{1,6} /.test(line))
		.map((line) =>
			line
				.replace(/^#+ /, '')
				.trim()
				.toLowerCase()
				.replace(/[^\p{L}\p{N} _-]/gu, '')
				.replace(/ /g, '-'),
		),
);

function checkDocumentationLink(where, url) {
	if (typeof url !== 'string' || !url.startsWith(`${web}#`)) {
		problems.push(`${where}: ${url} does not point at a section of ${web}'s README`);
		return;
	}
	const anchor = url.slice(web.length + 1);
	if (!readmeAnchors.has(anchor)) {
		problems.push(`${where}: README.md has no section #${anchor}`);
	}
}

function walk(dir, suffix) {
	const full = path.join(root, dir);
	if (!fs.existsSync(full)) return [];
	return fs.readdirSync(full, { withFileTypes: true }).flatMap((entry) => {
		const relative = path.posix.join(dir, entry.name);
		if (entry.isDirectory()) return walk(relative, suffix);
		return entry.name.endsWith(suffix) ? [relative] : [];
	});
}

/** dist/nodes/X/Y.node.js → nodes/X/Y.node<extension>, as the build maps sources to dist. */
const sourceOf = (distPath, extension) =>
	distPath.replace(/^dist\//, '').replace(/\.js$/, extension);

const codexFiles = new Set([
	...packageJson.n8n.nodes.map((node) => sourceOf(node, '.json')),
	...walk('nodes', '.node.json'),
]);
for (const file of codexFiles) {
	if (!fs.existsSync(path.join(root, file))) {
		problems.push(`${file}: codex file missing (expected beside the node's source)`);
		continue;
	}
	const resources = JSON.parse(read(file)).resources ?? {};
	for (const kind of ['credentialDocumentation', 'primaryDocumentation']) {
		const links = resources[kind] ?? [];
		if (links.length === 0) problems.push(`${file}: no resources.${kind}`);
		links.forEach(({ url }, index) => checkDocumentationLink(`${file} ${kind}[${index}]`, url));
	}
}

const credentialFiles = new Set([
	...packageJson.n8n.credentials.map((credential) => sourceOf(credential, '.ts')),
	...walk('credentials', '.credentials.ts'),
	...walk('nodes', '.credentials.ts'),
]);
for (const file of credentialFiles) {
	if (!fs.existsSync(path.join(root, file))) {
		problems.push(`${file}: credential source missing`);
		continue;
	}
	const found = /documentationUrl\s*=\s*(['"`])([^'"`]+)\1/.exec(read(file));
	if (!found) problems.push(`${file}: no documentationUrl string literal`);
	else checkDocumentationLink(`${file} documentationUrl`, found[2]);
}

if (fs.existsSync(path.join(root, 'CHANGELOG.md'))) {
	for (const [link] of read('CHANGELOG.md').matchAll(/https:\/\/github\.com\/[^\s)>\]]+/g)) {
		if (!link.startsWith(`${web}/`)) problems.push(`CHANGELOG.md: ${link} is not under ${web}`);
	}
}

const licence = fs.existsSync(path.join(root, 'LICENSE')) ? read('LICENSE') : '';
if (!licence.startsWith(`${packageJson.license} License`)) {
	problems.push(`LICENSE does not start with "${packageJson.license} License"`);
}

if (problems.length) {
	console.log(`FAIL metadata:\n  ${problems.join('\n  ')}`);
	process.exit(1);
}
console.log(
	`PASS metadata: ${web} in package.json, ${codexFiles.size} codex files and ` +
		`${credentialFiles.size} credentials (documentation links → README sections)`,
);
