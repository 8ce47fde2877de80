import fs from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

/*
 * Lean pages (issue #21): the browser receives only the current language's messages, and only
 * those its page can show.
 *
 * - In the browser build, `src/lib/i18n/catalogues.ts` (both complete catalogues) is replaced by
 *   `src/lib/i18n/page-catalogue.ts`, an empty catalogue that the page fills from its data
 *   (`[[lang=lang]]/+layout.svelte` calls `receiveMessages`). No catalogue, mail or PDF text is
 *   bundled for the browser; the build fails if a browser module imports a catalogue file.
 * - `virtual:page-message-keys` (server only) maps each route component (+page, +layout and
 *   +error.svelte) to the message keys its component graph can show: every string literal that is
 *   a message key, and for a key built from a prefix (`schedule.status.${status}`) every key with
 *   that prefix, in the component and each module it imports, up to `src/lib/server` and
 *   node_modules. `src/lib/server/i18n/page-messages.ts` sends those for the page's route.
 * - A message key defined twice (in two areas, or in an area and the base catalogue) fails the
 *   build: the later spread would silently win.
 */

const KEYS_MODULE = 'virtual:page-message-keys';
const RESOLVED_KEYS_MODULE = `\0${KEYS_MODULE}`;

/** Every key of the Japanese catalogue by the file that defines it (the English mirrors it; a test checks). */
export function catalogueKeys(root: string): { keys: Set<string>; duplicates: Array<{ key: string; files: string[] }> } {
	const dir = path.join(root, 'src/lib/i18n/messages');
	const files = [
		path.join(dir, 'ja.ts'),
		...fs
			.readdirSync(path.join(dir, 'areas'))
			.sort()
			.filter((f) => f.endsWith('.ts') && f !== 'index.ts' && !f.endsWith('.test.ts'))
			.map((f) => path.join(dir, 'areas', f))
	];
	const definedIn = new Map<string, string[]>();
	for (const file of files) {
		let source = fs.readFileSync(file, 'utf8');
		// An area file holds `ja: { … }` then `en: { … }`: the Japanese half defines the keys.
		if (file.includes(`${path.sep}areas${path.sep}`)) source = source.slice(0, source.search(/\n\s*en: \{/));
		for (const m of source.matchAll(/^\s*(['"])([^'"]+)\1:/gm)) {
			const key = m[2]!;
			definedIn.set(key, [...(definedIn.get(key) ?? []), path.relative(root, file)]);
		}
	}
	const duplicates = [...definedIn].filter(([, where]) => where.length > 1).map(([key, where]) => ({ key, files: where }));
	return { keys: new Set(definedIn.keys()), duplicates };
}

// A key may end in a dot: `patients.sex.` labels the empty choice.
const KEY_LITERAL = /(['"`])([A-Za-z][\w-]*(?:\.[\w-]*)+)\1/g;
// `schedule.status.${…}` and 'schedule.status.' + …: every key under the prefix.
const KEY_PREFIX = /`([A-Za-z][\w-]*(?:\.[\w-]+)*\.)\$\{|(['"])([A-Za-z][\w-]*(?:\.[\w-]+)*\.)\2\s*\+/g;
const IMPORT = /\b(?:import|export)\s+(?!type\b)(?:[^'";]*?\bfrom\s*)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The key prefixes a module builds keys from (`a.b.${x}`, 'a.b.' + x); a test keeps them at none (issue #21). */
export function keyPrefixesIn(source: string): string[] {
	return [...source.matchAll(KEY_PREFIX)].map((m) => m[1] ?? m[3]!);
}

/** The message keys a module names, directly or by prefix. */
export function keysInSource(source: string, keys: Set<string>): string[] {
	const found = new Set<string>();
	for (const m of source.matchAll(KEY_LITERAL)) if (keys.has(m[2]!)) found.add(m[2]!);
	for (const m of source.matchAll(KEY_PREFIX)) {
		const prefix = m[1] ?? m[3]!;
		for (const key of keys) if (key.startsWith(prefix)) found.add(key);
	}
	return [...found];
}

function routeComponents(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return routeComponents(full);
		return /^\+(page|layout|error)\.svelte$/.test(entry.name) ? [full] : [];
	});
}

export function pageMessages(): Plugin {
	let root = process.cwd();
	return {
		name: 'shinkyu-page-messages',
		enforce: 'pre',
		configResolved(config) {
			root = config.root;
		},
		buildStart() {
			const { duplicates } = catalogueKeys(root);
			if (duplicates.length > 0) this.error(`Message keys defined twice: ${duplicates.map((d) => `${d.key} (${d.files.join(', ')})`).join('; ')}`);
		},
		resolveId(source) {
			return source === KEYS_MODULE ? RESOLVED_KEYS_MODULE : null;
		},
		async load(id) {
			const browser = this.environment?.config.consumer === 'client';
			const file = id.split('?')[0]!;
			if (browser && file === path.join(root, 'src/lib/i18n/catalogues.ts')) {
				return `export { CATALOGUES } from ${JSON.stringify(path.join(root, 'src/lib/i18n/page-catalogue.ts'))};`;
			}
			if (browser && file.startsWith(path.join(root, 'src/lib/i18n/messages') + path.sep)) {
				this.error(
					`${path.relative(root, file)} would bring the whole message catalogue to the browser; use translate/translator, whose messages come with the page.`
				);
			}
			if (id !== RESOLVED_KEYS_MODULE) return null;

			const { keys } = catalogueKeys(root);
			const perModule = new Map<string, { keys: string[]; imports: string[] }>();
			// The catalogues themselves are not read: the browser gets its messages from the page.
			const outside = ['src/lib/server', 'src/lib/i18n/messages'].map((dir) => path.join(root, dir) + path.sep);
			const inSrc = (f: string) =>
				f.startsWith(path.join(root, 'src') + path.sep) && !outside.some((dir) => f.startsWith(dir)) && f !== path.join(root, 'src/lib/i18n/catalogues.ts');
			const scan = async (module: string) => {
				const known = perModule.get(module);
				if (known) return known;
				const entry = { keys: [] as string[], imports: [] as string[] };
				perModule.set(module, entry);
				const source = fs.readFileSync(module, 'utf8');
				this.addWatchFile(module);
				entry.keys = keysInSource(source, keys);
				for (const m of source.matchAll(IMPORT)) {
					const specifier = m[1] ?? m[2]!;
					// Only the project's own modules: packages and $app hold no message of ours.
					if (!/^(\.|\/|\$lib\/)/.test(specifier)) continue;
					const resolved = await this.resolve(specifier, module);
					const target = resolved?.id.split('?')[0];
					if (target && inSrc(target) && fs.existsSync(target)) entry.imports.push(target);
				}
				return entry;
			};
			const table: Record<string, string[]> = {};
			for (const component of routeComponents(path.join(root, 'src/routes'))) {
				const seen = new Set<string>();
				const found = new Set<string>();
				const queue = [component];
				while (queue.length > 0) {
					const module = queue.pop()!;
					if (seen.has(module)) continue;
					seen.add(module);
					const entry = await scan(module);
					for (const key of entry.keys) found.add(key);
					queue.push(...entry.imports);
				}
				table[path.relative(root, component).split(path.sep).join('/')] = [...found].sort();
			}
			return `export default ${JSON.stringify(table)};`;
		}
	};
}
