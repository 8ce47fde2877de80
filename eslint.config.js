import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/*
 * no-restricted-syntax takes one list per file, so the boundaries below are built from parts:
 * a later block that sets the rule replaces an earlier one for the files it matches.
 */
const CLOCK = [
	{
		selector: "NewExpression[callee.name='Date'][arguments.length=0]",
		message: 'Read the time from the clock (db.clock.now() or a `now` argument), not new Date().'
	},
	{
		selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
		message: 'Read the time from the clock (db.clock.now() or a `now` argument), not Date.now().'
	}
];
// One format module (src/lib/format, docs/architecture.md): every date, time, number and yen for people.
const FORMAT = [
	{
		selector: "MemberExpression[object.name='Intl'][property.name=/^(DateTimeFormat|NumberFormat)$/]",
		message: 'Format dates, times, numbers and yen with src/lib/format, not Intl directly.'
	},
	{
		selector: 'CallExpression[callee.property.name=/^toLocale(Date|Time)?String$/]',
		message: 'Format dates, times, numbers and yen with src/lib/format, not toLocale*String.'
	}
];
// SQL lives in the server module that owns the table (docs/architecture.md): routes call it.
const SQL = [
	{
		selector: 'CallExpression[callee.property.name=/^(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)$/]',
		message: 'Routes do not query: call the server module that owns the table.'
	},
	{ selector: "TaggedTemplateExpression[tag.name='sql']", message: 'Routes do not query: call the server module that owns the table.' }
];

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
		files: ['src/lib/domain/**/*.ts', 'src/lib/server/**/*.ts'],
		ignores: ['src/lib/server/clock/clock.ts', '**/*.test.ts'],
		rules: { 'no-restricted-syntax': ['error', ...CLOCK, ...FORMAT] }
	},
	{
		files: [
			'src/*.ts',
			'src/lib/server/clock/clock.ts',
			'src/lib/components/**/*.ts',
			'src/lib/components/**/*.svelte',
			'src/lib/*.ts',
			'src/lib/!(format|domain|server)/**/*.ts',
			'src/lib/!(format|domain|server)/**/*.svelte'
		],
		ignores: ['**/*.test.ts'],
		rules: { 'no-restricted-syntax': ['error', ...FORMAT] }
	},
	{
		// Routes only parse, call the use case and map its outcome: no clock, no Intl, no SQL.
		files: ['src/routes/**/*.ts', 'src/routes/**/*.svelte'],
		ignores: ['**/*.test.ts'],
		rules: { 'no-restricted-syntax': ['error', ...CLOCK, ...FORMAT, ...SQL] }
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
						{
							group: ['$lib/server', '$lib/server/*', '**/server/*', '$app/*', '@sveltejs/*', 'svelte', 'svelte/*'],
							message: 'The domain holds pure rules: no server, framework or page imports.'
						},
						{ group: ['node:*', 'kysely', 'pg', 'better-sqlite3', 'nodemailer', 'pino', 'pdfkit'], message: 'The domain does no I/O: pass what it needs in.' }
					]
				}
			]
		}
	}
);
