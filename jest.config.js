/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
	transform: {
		// tsconfig's isolatedModules makes ts-jest transpile only; `npm run typecheck` type-checks once.
		'^.+\\.ts$': 'ts-jest',
	},
	testTimeout: 30000,
};
