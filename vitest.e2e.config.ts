import { defineConfig } from 'vitest/config';

// Browser and HTTP tests share one built server, started once for the whole run.
export default defineConfig({
	test: {
		include: ['tests/e2e/**/*.test.ts'],
		globalSetup: ['tests/support/global-postgres.ts', 'tests/support/global-server.ts'],
		fileParallelism: false,
		testTimeout: 60_000,
		hookTimeout: 120_000
	}
});
