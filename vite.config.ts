import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { markdownPages } from './vite-plugin-markdown.ts';
import { pageMessages } from './vite-plugin-page-messages.ts';
import { scriptFreePages } from './vite-plugin-script-free-pages.ts';

export default defineConfig({
	plugins: [markdownPages(), pageMessages(), scriptFreePages(), sveltekit()],
	test: {
		include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/support/**/*.test.ts'],
		globalSetup: ['tests/support/global-postgres.ts'],
		testTimeout: 30_000,
		hookTimeout: 60_000
	}
});
