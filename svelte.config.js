import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

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
				// The one style attribute SvelteKit's client writes (its route announcer, visually hidden) on the
				// pages that ship JavaScript (the schedule, the session): allowed by its hash alone.
				'style-src': ['self', 'unsafe-hashes', 'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo='],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		},
		version: { name: process.env.npm_package_version ?? '0.0.0' }
	}
};

export default config;
