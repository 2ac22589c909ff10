/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
	transform: {
		// Type checking is done once by `tsc --noEmit` (npm run typecheck); jest only transpiles.
		'^.+\\.ts$': ['ts-jest', { isolatedModules: true }],
	},
	testTimeout: 30000,
};
