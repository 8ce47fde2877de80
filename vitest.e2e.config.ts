import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Browser and HTTP tests share one built server, started once for the whole run.
export default defineConfig({
	// Tests that set up data through the server's modules import them as the app does ($lib).
	resolve: { alias: { $lib: fileURLToPath(new URL('./src/lib', import.meta.url)) } },
	test: {
		include: ['tests/e2e/**/*.test.ts'],
		globalSetup: ['tests/support/global-postgres.ts', 'tests/support/global-server.ts'],
		fileParallelism: false,
		testTimeout: 60_000,
		hookTimeout: 120_000
	}
});
