const path = require('path');
const fs = require('fs');
const { src, dest, series, parallel } = require('gulp');
const esbuild = require('esbuild');

const packageJson = require('./package.json');

/** The node and credential entry points n8n loads, derived from package.json's "n8n" section. */
function n8nEntryPoints() {
	const { nodes, credentials } = packageJson.n8n;
	return [...nodes, ...credentials].map((distPath) =>
		distPath.replace(/^dist\//, '').replace(/\.js$/, '.ts'),
	);
}

function clean(done) {
	fs.rmSync(path.join(__dirname, 'dist'), { recursive: true, force: true });
	done();
}

/**
 * Verified community nodes may not have runtime dependencies, so everything except
 * n8n-workflow (provided by n8n itself) is bundled into each entry point.
 * No sourcemaps: the bundles are not minified (stack traces stay readable) and
 * maps would more than double the published package with a copy of the sources.
 */
async function bundleNodes() {
	await esbuild.build({
		entryPoints: n8nEntryPoints(),
		outbase: '.',
		outdir: 'dist',
		bundle: true,
		platform: 'node',
		target: 'node20',
		format: 'cjs',
		external: ['n8n-workflow'],
		sourcemap: false,
		logLevel: 'warning',
	});
}

/** Icons and codex files are loaded by n8n from beside the compiled node. */
function copyAssets() {
	return src(['nodes/**/*.svg', 'nodes/**/*.node.json', 'credentials/**/*.svg'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

/** Command-line tools (simulator, demo, benchmark, e2e runner); never published. */
async function bundleTools() {
	const toolsDir = path.join(__dirname, 'scripts');
	const entryPoints = fs
		.readdirSync(toolsDir)
		.filter((file) => file.endsWith('.ts'))
		.map((file) => path.join('scripts', file));
	await esbuild.build({
		entryPoints,
		outdir: 'build',
		bundle: true,
		platform: 'node',
		target: 'node20',
		format: 'cjs',
		packages: 'external',
		sourcemap: true,
		logLevel: 'warning',
	});
}

exports.clean = clean;
exports.build = series(clean, parallel(bundleNodes, copyAssets));
exports['build:tools'] = bundleTools;
