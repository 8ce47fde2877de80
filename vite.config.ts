import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { markdownPages } from './vite-plugin-markdown.ts';
import { pageMessages } from './vite-plugin-page-messages.ts';

export default defineConfig({
	plugins: [markdownPages(), pageMessages(), sveltekit()],
	test: {
		include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/support/**/*.test.ts'],
		globalSetup: ['tests/support/global-postgres.ts'],
		testTimeout: 30_000,
		hookTimeout: 60_000
	}
});
