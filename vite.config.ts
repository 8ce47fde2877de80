import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { markdownPages } from './vite-plugin-markdown.ts';

export default defineConfig({
	plugins: [markdownPages(), sveltekit()],
	test: {
		include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/support/**/*.test.ts'],
		globalSetup: ['tests/support/global-postgres.ts'],
		testTimeout: 30_000,
		hookTimeout: 60_000
	}
});
