import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageShipsScript } from '../../vite-plugin-script-free-pages';

const routes = path.resolve('src/routes');

function pages(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return pages(full);
		return entry.name === '+page.svelte' ? [full] : [];
	});
}

describe('pages whose browser build is a stand-in (vite-plugin-script-free-pages.ts)', () => {
	it('keeps the component of each page that sets csr = true, and only theirs', () => {
		const shipping = pages(routes)
			.filter((page) => pageShipsScript(page, routes))
			.map((page) => path.relative(routes, path.dirname(page)).split(path.sep).join('/'))
			.sort();
		expect(shipping).toEqual([
			'[[lang=lang]]/staff/insurance/claims/[patientId]/confirm',
			'[[lang=lang]]/staff/patients/[id]/sessions/[sessionId]',
			'[[lang=lang]]/staff/schedule',
			'[[lang=lang]]/staff/schedule/week'
		]);
	});

	it('lets the innermost +page.ts or +layout.ts that says decide', () => {
		const root = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'script-free-'));
		try {
			fs.mkdirSync(path.join(root, 'a/b/c'), { recursive: true });
			fs.writeFileSync(path.join(root, '+layout.ts'), 'export const csr = false;\n');
			fs.writeFileSync(path.join(root, 'a/+layout.ts'), 'export const csr = true;\n');
			fs.writeFileSync(path.join(root, 'a/b/c/+page.ts'), 'export const csr = false;\n');
			expect(pageShipsScript(path.join(root, '+page.svelte'), root)).toBe(false);
			expect(pageShipsScript(path.join(root, 'a/b/+page.svelte'), root)).toBe(true);
			expect(pageShipsScript(path.join(root, 'a/b/c/+page.svelte'), root)).toBe(false);
			fs.writeFileSync(path.join(root, '+layout.ts'), 'export const ssr = true;\n');
			expect(pageShipsScript(path.join(root, '+page.svelte'), root)).toBe(true);
		} finally {
			fs.rmSync(root, { recursive: true, force: true });
		}
	});
});
