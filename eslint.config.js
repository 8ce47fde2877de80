import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{ ignores: ['build/', 'build-*/', '.svelte-kit/', '.svelte-kit-*/', 'node_modules/', 'data/', 'coverage/'] },
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{ languageOptions: { globals: { ...globals.browser, ...globals.node } } },
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: { parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig } }
	},
	{
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			// Links are built by our localizePath helper, which the rule cannot see through.
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		// One clock (src/lib/server/clock/clock.ts), passed everywhere as `db.clock` or `now`: a use
		// case that reads the wall clock itself cannot be tested at a fixed instant (docs/architecture.md).
		files: ['src/lib/domain/**/*.ts', 'src/lib/server/**/*.ts', 'src/routes/**/*.ts', 'src/routes/**/*.svelte'],
		ignores: ['src/lib/server/clock/clock.ts', '**/*.test.ts'],
		rules: {
			'no-restricted-syntax': [
				'error',
				{ selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Read the time from the clock (db.clock.now() or a `now` argument), not new Date().' },
				{ selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Read the time from the clock (db.clock.now() or a `now` argument), not Date.now().' }
			]
		}
	},
	{
		// The domain is pure rules (docs/architecture.md): no database, framework, network, file or
		// clock. The import-graph test (tests/support/import-graph.test.ts) holds its own imports to it.
		files: ['src/lib/domain/**/*.ts'],
		ignores: ['**/*.test.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{ group: ['$lib/server', '$lib/server/*', '**/server/*', '$app/*', '@sveltejs/*', 'svelte', 'svelte/*'], message: 'The domain holds pure rules: no server, framework or page imports.' },
						{ group: ['node:*', 'kysely', 'pg', 'better-sqlite3', 'nodemailer', 'pino', 'pdfkit'], message: 'The domain does no I/O: pass what it needs in.' }
					]
				}
			]
		}
	}
);
