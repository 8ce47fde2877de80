/*
 * First-load JavaScript per page, from the production build's own manifests (issue #21, "Lean
 * pages"): for each page route, the gzipped size of every script SvelteKit preloads for it — the
 * app start (`client.imports`) and each node of its branch (layouts and page, each node's
 * `imports`: its entry and every chunk it imports statically). Chunks loaded later with a dynamic
 * `import()` are not counted: they are not part of the first load. A page whose branch sets
 * `csr = false` (the default here, src/routes/+layout.ts) ships no JavaScript at all.
 *
 *   node --import tsx bench/page-weight.ts [--kit-dir .svelte-kit]   (after `npx vite build`)
 *
 * `npm run bench` prints the same table; tests/e2e/page-weight.test.ts measures the pages in a
 * browser as a signed-in user.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

/** The budget for a staff or portal page's first load (gzipped JavaScript, bytes). */
export const FIRST_LOAD_BUDGET = 60 * 1024;

export const PAGE_WEIGHT_CONDITIONS = 'production build manifests: app start + layouts + page with static imports, gzip level 9';

export interface PageWeight {
	route: string;
	csr: boolean;
	files: number;
	bytes: number;
	gzip: number;
}

interface ServerNode {
	imports: string[];
	universalId?: string;
}

function readNode(kitDir: string, index: number): ServerNode {
	const text = fs.readFileSync(path.join(kitDir, 'output/server/nodes', `${index}.js`), 'utf8');
	const imports = JSON.parse(/export const imports = (\[[^\]]*\])/.exec(text)?.[1] ?? '[]') as string[];
	const universalId = /export const universal_id = "([^"]+)"/.exec(text)?.[1];
	return { imports, universalId };
}

/** `export const csr = true|false` in a universal `+page.ts`/`+layout.ts`, if it says. */
function csrOf(node: ServerNode): boolean | undefined {
	if (!node.universalId || !fs.existsSync(node.universalId)) return undefined;
	const match = /export const csr\s*=\s*(true|false)/.exec(fs.readFileSync(node.universalId, 'utf8'));
	return match ? match[1] === 'true' : undefined;
}

export function pageWeights(kitDir = process.env.SHINKYU_KIT_DIR ?? '.svelte-kit'): PageWeight[] {
	const manifest = fs.readFileSync(path.join(kitDir, 'output/server/manifest.js'), 'utf8');
	const start = JSON.parse(`[${/client: \{[^}]*?imports:\[([^\]]*)\]/.exec(manifest)?.[1] ?? ''}]`) as string[];
	const sizes = new Map<string, { bytes: number; gzip: number }>();
	const sizeOf = (file: string) => {
		let size = sizes.get(file);
		if (!size) {
			const body = fs.readFileSync(path.join(kitDir, 'output/client', file));
			size = { bytes: body.length, gzip: gzipSync(body, { level: 9 }).length };
			sizes.set(file, size);
		}
		return size;
	};
	const weights: PageWeight[] = [];
	const routes = manifest.split(/\bid: "/).slice(1);
	for (const route of routes) {
		const id = route.slice(0, route.indexOf('"'));
		const page = /page: \{ layouts: \[([^\]]*)\], errors: \[[^\]]*\], leaf: (\d+) \}/.exec(route);
		if (!page) continue;
		const nodes = [
			...page[1]!
				.split(',')
				.filter((n) => n.trim() !== '')
				.map(Number),
			Number(page[2])
		].map((n) => readNode(kitDir, n));
		// The innermost node that says wins, as in SvelteKit.
		const csr = nodes.reduce<boolean>((value, node) => csrOf(node) ?? value, true);
		const files = csr ? [...new Set([...start, ...nodes.flatMap((n) => n.imports)])] : [];
		const bytes = files.reduce((sum, f) => sum + sizeOf(f).bytes, 0);
		const gzip = files.reduce((sum, f) => sum + sizeOf(f).gzip, 0);
		weights.push({ route: id, csr, files: files.length, bytes, gzip });
	}
	return weights.sort((a, b) => b.gzip - a.gzip || a.route.localeCompare(b.route));
}

const isStaffOrPortal = (route: string) => /\/(staff|portal)(\/|$)/.test(route);

export function formatPageWeights(weights: PageWeight[]): string {
	const shipping = weights.filter((w) => w.csr);
	const silent = weights.filter((w) => !w.csr);
	const lines = [
		`\nFirst-load JavaScript per page (production build manifests: app start + the page's layouts and page with their static imports; gzip level 9; budget ${FIRST_LOAD_BUDGET} bytes for staff and portal pages)\n`,
		'| page route | files | JS bytes | JS gzip bytes | budget |',
		'| --- | ---: | ---: | ---: | --- |',
		...shipping.map(
			(w) => `| ${w.route} | ${w.files} | ${w.bytes} | ${w.gzip} | ${isStaffOrPortal(w.route) ? (w.gzip <= FIRST_LOAD_BUDGET ? 'PASS' : 'FAIL') : '—'} |`
		),
		`\n${silent.length} other page routes (${silent.filter((w) => isStaffOrPortal(w.route)).length} staff or portal) are server-rendered with csr = false and ship no JavaScript.`
	];
	return lines.join('\n');
}

/** The heaviest staff or portal page, for the bench's targets. */
export function heaviestConsolePage(weights: PageWeight[]): PageWeight | undefined {
	return weights.filter((w) => w.csr && isStaffOrPortal(w.route)).sort((a, b) => b.gzip - a.gzip)[0];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	const kitDir = process.argv.includes('--kit-dir') ? process.argv[process.argv.indexOf('--kit-dir') + 1] : undefined;
	const weights = pageWeights(kitDir);
	console.log(formatPageWeights(weights));
}
