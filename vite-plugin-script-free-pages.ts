import fs from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

/*
 * Lean pages (issue #21): a page that ships no JavaScript (`csr = false`, the default here, see
 * src/routes/+layout.ts) has no component in the browser build.
 *
 * SvelteKit still builds every page's component for the browser. Nothing ever runs them, but the
 * Svelte runtime chunk that every page with a script loads is shaped by them: it keeps whatever any
 * component uses (`{@html}`, `<svelte:element>`, spread attributes, …). In the production browser
 * build, this plugin gives each such page's node (`.svelte-kit/generated/client-optimized/nodes/N.js`)
 * a stand-in that carries only the page's styles:
 *
 * - its stylesheet is the CSS of every component in the page's graph, compiled by the same
 *   pipeline (vite-plugin-svelte), in the order the bundler would emit it, so the server-rendered
 *   page links the same rules as before;
 * - its component reloads the page from the server should the router ever reach it on the client
 *   (an enhanced form whose action redirects there): the page is then loaded whole, as a page
 *   without JavaScript always is.
 *
 * Layouts and error pages are left alone: the pages with a script render them.
 */

const NODE = /[\\/]\.svelte-kit[\\/]generated[\\/]client-optimized[\\/]nodes[\\/](\d+)\.js$/;
const CSS_PREFIX = '\0script-free-page-css:';

/** Whether a page's branch ships JavaScript: the innermost `+page.ts` / `+layout.ts` that sets `csr` wins, as in SvelteKit. */
export function pageShipsScript(pageFile: string, routesDir: string): boolean {
	const says = (file: string): boolean | undefined => {
		for (const ext of ['.ts', '.js']) {
			const candidate = file + ext;
			if (!fs.existsSync(candidate)) continue;
			const match = /export\s+const\s+csr\s*=\s*(true|false)/.exec(fs.readFileSync(candidate, 'utf8'));
			if (match) return match[1] === 'true';
		}
		return undefined;
	};
	let dir = path.dirname(pageFile);
	const own = says(path.join(dir, '+page'));
	if (own !== undefined) return own;
	for (;;) {
		const layout = says(path.join(dir, '+layout'));
		if (layout !== undefined) return layout;
		if (path.resolve(dir) === path.resolve(routesDir)) return true;
		dir = path.dirname(dir);
	}
}

export function scriptFreePages(): Plugin {
	let routesDir = '';
	const cssByNode = new Map<string, string>();
	return {
		name: 'shinkyu:script-free-pages',
		apply: 'build',
		enforce: 'pre',
		configResolved(config) {
			routesDir = path.join(config.root, 'src/routes');
		},
		resolveId(id) {
			return id.startsWith(CSS_PREFIX) ? id : undefined;
		},
		async load(id) {
			if (id.startsWith(CSS_PREFIX)) return cssByNode.get(id) ?? '';
			if (this.environment.config.consumer !== 'client') return undefined;
			const node = NODE.exec(id);
			if (!node) return undefined;
			const source = fs.readFileSync(id, 'utf8');
			const component = /export \{ default as component \} from "([^"]+)"/.exec(source)?.[1];
			if (!component || !component.endsWith('+page.svelte')) return undefined;
			const pageFile = path.resolve(path.dirname(id), component);
			if (pageShipsScript(pageFile, routesDir)) return undefined;

			// Every component's CSS, children before their importer (the order of the bundle's CSS).
			const css: string[] = [];
			const seen = new Set<string>();
			const visit = async (moduleId: string): Promise<void> => {
				if (seen.has(moduleId)) return;
				seen.add(moduleId);
				const info = await this.load({ id: moduleId, resolveDependencies: true });
				for (const imported of info.importedIds) {
					if (imported.startsWith('\0') || imported.includes('?')) continue;
					if (imported.includes(`${path.sep}node_modules${path.sep}`) && !imported.endsWith('.svelte')) continue;
					await visit(imported);
				}
				const compiled = (info.meta as { svelte?: { css?: { code?: string } } }).svelte?.css?.code;
				if (compiled) css.push(compiled);
			};
			await visit(pageFile);
			const lines = ['function ScriptFreePage() {', '\tlocation.reload();', '}', 'export { ScriptFreePage as component };'];
			if (css.length > 0) {
				const cssId = `${CSS_PREFIX}${node[1]}.css`;
				cssByNode.set(cssId, css.join('\n'));
				lines.unshift(`import ${JSON.stringify(cssId)};`);
			}
			return lines.join('\n');
		}
	};
}
