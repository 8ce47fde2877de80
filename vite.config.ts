import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	test: {
		include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
		globalSetup: ['tests/support/global-postgres.ts'],
		testTimeout: 30_000,
		hookTimeout: 60_000
	}
});
