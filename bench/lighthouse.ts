/*
 * Lighthouse 12 on the console and the public pages (issue #22): the dashboard and the schedule
 * with the desktop preset, signed in as the demo reception (the session cookie goes in
 * `--extra-headers`), and the public home, /book, /check and the portal's sign-in with the mobile
 * preset. Prints performance and accessibility scores with the conditions they were taken under.
 *
 *   node --import tsx bench/lighthouse.ts          (or from bench/run.ts: benchLighthouse)
 *
 * Needs Chromium: CHROME_PATH (default /usr/bin/chromium).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { demoPasswordsFrom, startBuiltServer } from '../tests/support/server-process';
import { staffCookie } from '../tests/support/staff-session';
import { machineTag } from './conditions';

const run = promisify(execFile);

export interface LighthouseRow {
	page: string;
	preset: 'desktop' | 'mobile';
	performance: number;
	accessibility: number;
}

export const TARGET_CONSOLE_PERFORMANCE = 90;
export const LIGHTHOUSE_CONDITIONS =
	'Lighthouse 12.2.3 CLI, headless Chromium, one run per page, simulated throttling of its preset; built app on SQLite in its own process, demo clinic, same machine';

async function audit(url: string, preset: 'desktop' | 'mobile', headers?: Record<string, string>): Promise<{ performance: number; accessibility: number }> {
	const args = [
		url,
		'--quiet',
		'--output=json',
		'--output-path=stdout',
		'--only-categories=performance,accessibility',
		'--chrome-flags=--headless=new --no-sandbox',
		...(preset === 'desktop' ? ['--preset=desktop'] : []),
		...(headers ? [`--extra-headers=${JSON.stringify(headers)}`] : [])
	];
	const { stdout } = await run(path.resolve('node_modules/.bin/lighthouse'), args, {
		env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' },
		maxBuffer: 64 * 1024 * 1024
	});
	const report = JSON.parse(stdout) as { finalDisplayedUrl: string; categories: Record<string, { score: number | null }> };
	// A console page that sent Lighthouse to the sign-in page would be measured as something else.
	if (new URL(report.finalDisplayedUrl).pathname !== new URL(url).pathname) throw new Error(`${url} ended at ${report.finalDisplayedUrl}`);
	const score = (key: string) => Math.round((report.categories[key]?.score ?? 0) * 100);
	return { performance: score('performance'), accessibility: score('accessibility') };
}

/** Runs against a fresh demo server of its own (its first start prints the demo passwords). */
export async function benchLighthouse(): Promise<LighthouseRow[]> {
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shinkyu-lighthouse-'));
	const server = await startBuiltServer({ DATA_DIR: dataDir, RATE_LIMITS: 'off', NODE_ENV: 'production', LOG_LEVEL: 'info' });
	try {
		const base = server.baseUrl;
		const password = demoPasswordsFrom(server.output())['reception@example.jp'];
		const cookie = await staffCookie(base, 'reception@example.jp', password);
		const pages: Array<[string, 'desktop' | 'mobile', boolean]> = [
			['/staff', 'desktop', true],
			['/staff/schedule', 'desktop', true],
			['/', 'mobile', false],
			['/book', 'mobile', false],
			['/check', 'mobile', false],
			['/portal/login', 'mobile', false]
		];
		const rows: LighthouseRow[] = [];
		for (const [page, preset, signedIn] of pages) {
			rows.push({ page, preset, ...(await audit(`${base}${page}`, preset, signedIn ? { cookie } : undefined)) });
		}
		return rows;
	} finally {
		await server.stop();
		fs.rmSync(dataDir, { recursive: true, force: true });
	}
}

export function formatLighthouse(rows: LighthouseRow[]): string {
	const lines = [
		`${LIGHTHOUSE_CONDITIONS}; ${machineTag()}`,
		'page                 preset    performance  accessibility',
		...rows.map((r) => `${r.page.padEnd(20)} ${r.preset.padEnd(9)} ${String(r.performance).padStart(11)}  ${String(r.accessibility).padStart(13)}`)
	];
	const consoleRows = rows.filter((r) => r.preset === 'desktop');
	const pass = consoleRows.every((r) => r.performance >= TARGET_CONSOLE_PERFORMANCE);
	lines.push(`target: console pages (desktop) performance >= ${TARGET_CONSOLE_PERFORMANCE}: ${pass ? 'PASS' : 'FAIL'}`);
	return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
	console.log(formatLighthouse(await benchLighthouse()));
}
