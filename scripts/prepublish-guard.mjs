// prepublishOnly: `npm publish` runs only in the Publish workflow, for the tag of the
// version being published, with provenance on. n8n accepts community nodes published from
// a CI workflow with an npm provenance statement, which a publish from a laptop cannot have.
// (publishConfig.provenance in package.json makes npm itself refuse a publish outside CI
// too, even with --ignore-scripts.)
const env = process.env;
const version = env.npm_package_version;
const provenance = env.npm_config_provenance ?? env.NPM_CONFIG_PROVENANCE;
const problems = [];

if (env.GITHUB_ACTIONS !== 'true') {
	problems.push('this is not GitHub Actions');
} else {
	if (!/\/\.github\/workflows\/publish\.yml@/.test(env.GITHUB_WORKFLOW_REF ?? '')) {
		problems.push(
			`this is not the Publish workflow (GITHUB_WORKFLOW_REF=${env.GITHUB_WORKFLOW_REF})`,
		);
	}
	if (env.GITHUB_REF !== `refs/tags/v${version}`) {
		problems.push(`the ref ${env.GITHUB_REF} is not the tag v${version} of package.json's version`);
	}
}
if (provenance !== 'true') problems.push('provenance is off (npm publish --provenance)');

if (problems.length) {
	console.error(
		[
			`npm publish refused: ${problems.join('; ')}.`,
			'Releases are published by CI, with provenance:',
			'  1. npm run release -- <major|minor|patch|x.y.z>   (on a clean main: changelog, version, commit, tag)',
			'  2. git push origin main v<version>                (the Publish workflow publishes the tag)',
			'See "Releasing" in README.md.',
		].join('\n'),
	);
	process.exit(1);
}
console.log(
	`prepublishOnly: publishing ${version} from ${env.GITHUB_WORKFLOW_REF} with provenance`,
);
