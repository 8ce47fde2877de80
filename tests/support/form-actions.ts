import fs from 'node:fs';
import path from 'node:path';

export interface FormAction {
	/** The route id as SvelteKit and the access table write it, e.g. `/[[lang=lang]]/staff/team`. */
	routeId: string;
	/** `default`, or the name posted as `?/name`. */
	action: string;
	/** Field names the page's markup and server code use. */
	fields: string[];
}

/** Every form action under `src/routes`, read from the `+page.server.ts` files. */
export function formActions(routesDir = 'src/routes'): FormAction[] {
	const found: FormAction[] = [];
	const walk = (dir: string) => {
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) walk(full);
			else if (entry.name === '+page.server.ts') {
				const source = fs.readFileSync(full, 'utf8');
				const start = source.indexOf('export const actions');
				if (start < 0) continue;
				const names = [...source.slice(start).matchAll(/^\t(\w+)\s*:/gm)].map((m) => m[1]!);
				const page = path.join(dir, '+page.svelte');
				const markup = fs.existsSync(page) ? fs.readFileSync(page, 'utf8') : '';
				const fields = [
					...new Set(
						[...`${markup}\n${source}`.matchAll(/name="([\w.[\]-]+)"|\.get\('([\w.[\]-]+)'\)|getAll\('([\w.[\]-]+)'\)/g)].map((m) => m[1] ?? m[2] ?? m[3]!)
					)
				];
				const routeId = '/' + path.relative(routesDir, dir).split(path.sep).join('/');
				for (const action of names.length > 0 ? names : ['default']) found.push({ routeId, action, fields });
			}
		}
	};
	walk(routesDir);
	return found;
}
