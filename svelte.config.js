import adapter from '@sveltejs/adapter-node';
import { createHash } from 'node:crypto';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/*
 * SvelteKit's route announcer, the live region it adds to every page that runs JavaScript, carries
 * this one style attribute (.svelte-kit/generated/root.svelte). Its hash, and no other inline style,
 * is allowed (issue #22: no CSP error in the console); tests/e2e/console-errors.test.ts fails if a
 * new SvelteKit changes it.
 */
const ANNOUNCER_STYLE =
	'position: absolute; left: 0; top: 0; clip: rect(0 0 0 0); clip-path: inset(50%); overflow: hidden; white-space: nowrap; width: 1px; height: 1px';
const announcerHash = `sha256-${createHash('sha256').update(ANNOUNCER_STYLE).digest('base64')}`;

// Two builds on one machine at once (parallel test runs) each need their own folders.
const buildDir = process.env.SHINKYU_BUILD_DIR ?? 'build';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ out: buildDir, precompress: true }),
		outDir: process.env.SHINKYU_KIT_DIR ?? '.svelte-kit',
		// kit's origin check on form posts stays on by default (no csrf option set here).
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self'],
				'style-src-attr': ['unsafe-hashes', announcerHash],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		},
		version: { name: process.env.npm_package_version ?? '0.0.0' },
		// The few pages that ship JavaScript ask the server where a link leads instead of carrying
		// every route of the app in their first load (issue #21: at most 60 KB gzipped).
		router: { resolution: 'server' }
	}
};

export default config;
