/**
 * The pure parts of `npm run release` (scripts/release.ts): the next version, the
 * CHANGELOG.md rewrite and the package.json / package-lock.json version edit. No I/O here,
 * so test/scripts/release.test.ts can check them directly.
 */

const SEMVER =
	/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*)(?:\.(?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*))*))?$/;

export const BUMPS = ['major', 'minor', 'patch'] as const;
export type Bump = (typeof BUMPS)[number];

interface Parsed {
	major: number;
	minor: number;
	patch: number;
	prerelease: string[];
}

function parse(version: string): Parsed {
	const match = SEMVER.exec(version);
	if (!match) throw new Error(`"${version}" is not a semantic version (x.y.z or x.y.z-pre.1)`);
	return {
		major: Number(match[1]),
		minor: Number(match[2]),
		patch: Number(match[3]),
		prerelease: match[4] ? match[4].split('.') : [],
	};
}

/** Semantic-versioning precedence: negative if a < b, 0 if equal, positive if a > b. */
export function compareVersions(a: string, b: string): number {
	const x = parse(a);
	const y = parse(b);
	for (const key of ['major', 'minor', 'patch'] as const) {
		if (x[key] !== y[key]) return x[key] - y[key];
	}
	// A release is higher than its pre-releases.
	if (!x.prerelease.length || !y.prerelease.length) {
		return y.prerelease.length - x.prerelease.length;
	}
	for (let i = 0; i < Math.max(x.prerelease.length, y.prerelease.length); i++) {
		const p = x.prerelease[i];
		const q = y.prerelease[i];
		if (p === undefined) return -1;
		if (q === undefined) return 1;
		if (p === q) continue;
		const numeric = /^\d+$/;
		if (numeric.test(p) && numeric.test(q)) return Number(p) - Number(q);
		if (numeric.test(p)) return -1;
		if (numeric.test(q)) return 1;
		return p < q ? -1 : 1;
	}
	return 0;
}

/**
 * The version `npm run release -- <request>` releases: a bump of `current` (as `npm version`
 * does: a pre-release is completed by the bump that reaches it) or an explicit version,
 * which must be higher than `current`.
 */
export function nextVersion(current: string, request: string): string {
	const { major, minor, patch, prerelease } = parse(current);
	const pre = prerelease.length > 0;
	switch (request) {
		case 'major':
			return pre && minor === 0 && patch === 0 ? `${major}.0.0` : `${major + 1}.0.0`;
		case 'minor':
			return pre && patch === 0 ? `${major}.${minor}.0` : `${major}.${minor + 1}.0`;
		case 'patch':
			return pre ? `${major}.${minor}.${patch}` : `${major}.${minor}.${patch + 1}`;
	}
	parse(request);
	if (compareVersions(request, current) <= 0) {
		throw new Error(`${request} is not higher than the current version ${current}`);
	}
	return request;
}

const UNRELEASED_HEADING = '## [Unreleased]';
const isSectionEnd = (line: string) => line.startsWith('## ') || /^\[[^\]]+\]: /.test(line);

/**
 * Moves the entries under "## [Unreleased]" into a new "## [version] - date" section
 * (Keep a Changelog), leaves an empty Unreleased section above it, and updates the link
 * definitions at the end: Unreleased compares the new tag with HEAD, the new version
 * compares the previous tag with the new one (or links its tag on a first release).
 */
export function releaseChangelog(
	changelog: string,
	{ version, date, repositoryUrl }: { version: string; date: string; repositoryUrl: string },
): string {
	const lines = changelog.replace(/\r\n/g, '\n').split('\n');
	const start = lines.indexOf(UNRELEASED_HEADING);
	if (start < 0) throw new Error(`CHANGELOG.md has no "${UNRELEASED_HEADING}" heading`);
	let end = start + 1;
	while (end < lines.length && !isSectionEnd(lines[end])) end++;

	const entries = lines.slice(start + 1, end);
	if (!entries.some((line) => /^\s*[-*] \S/.test(line))) {
		throw new Error('CHANGELOG.md\'s "Unreleased" section lists no changes: nothing to release');
	}
	const escaped = version.replace(/\./g, '\\.');
	if (lines.some((line) => new RegExp(`^## \\[${escaped}\\]`).test(line))) {
		throw new Error(`CHANGELOG.md already has a section for ${version}`);
	}
	while (entries.length && entries[0].trim() === '') entries.shift();
	while (entries.length && entries[entries.length - 1].trim() === '') entries.pop();

	const released = [
		...lines.slice(0, start),
		UNRELEASED_HEADING,
		'',
		`## [${version}] - ${date}`,
		'',
		...entries,
		'',
		...lines.slice(end),
	];

	// Link definitions: [Unreleased]: <repo>/compare/v<previous>...HEAD
	const unreleasedLink = released.findIndex((line) => line.startsWith('[Unreleased]: '));
	const previous =
		unreleasedLink >= 0
			? /\/compare\/v(\S+?)\.\.\.HEAD$/.exec(released[unreleasedLink])?.[1]
			: undefined;
	const versionLink = previous
		? `[${version}]: ${repositoryUrl}/compare/v${previous}...v${version}`
		: `[${version}]: ${repositoryUrl}/releases/tag/v${version}`;
	const newUnreleasedLink = `[Unreleased]: ${repositoryUrl}/compare/v${version}...HEAD`;
	if (unreleasedLink >= 0) {
		released.splice(unreleasedLink, 1, newUnreleasedLink, versionLink);
	} else {
		while (released.length && released[released.length - 1].trim() === '') released.pop();
		released.push('', newUnreleasedLink, versionLink);
	}
	return `${released
		.join('\n')
		.replace(/\n{3,}/g, '\n\n')
		.trimEnd()}\n`;
}

/** Sets package.json's (and, for a lockfile, packages[""]'s) version, keeping the file's indentation. */
export function setPackageVersion(json: string, version: string): string {
	const indent = /^[{[]\r?\n([ \t]+)/.exec(json)?.[1] ?? '\t';
	const data = JSON.parse(json) as {
		version?: string;
		packages?: Record<string, { version?: string }>;
	};
	data.version = version;
	if (data.packages?.['']) data.packages[''].version = version;
	return `${JSON.stringify(data, null, indent)}\n`;
}

/** https://github.com/<owner>/<name> from package.json's repository field. */
export function repositoryWebUrl(repository: string | { url?: string } | undefined): string {
	const url = typeof repository === 'string' ? repository : repository?.url;
	const match = /github\.com[/:]([\w.-]+)\/([\w.-]+?)(?:\.git)?$/.exec(url ?? '');
	if (!match) throw new Error(`package.json repository "${url}" is not a GitHub repository URL`);
	return `https://github.com/${match[1]}/${match[2]}`;
}

/** Today as YYYY-MM-DD in the local time zone (the date the maintainer releases on). */
export function localDate(now: Date): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
