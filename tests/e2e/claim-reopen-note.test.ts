import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser } from '../support/browser';
import { actOnClaim, claimRowIn, demoClaimMonth, submitAndWait } from '../support/claims-page';
import { builtServerEntry, demoPasswordsFrom, startBuiltServer, type ServerProcess } from '../support/server-process';
import { staffCookie, staffPage } from '../support/staff-session';

/*
 * A ready claim whose records change goes back to draft by itself and says why (docs/jukyo-claim.md
 * §12): the desk marks the demo's complete claim month ready on the claims page, the month is then
 * signed again by someone for the patient on the confirmation page, and the claims page shows the
 * claim as a draft with the "records changed" note. The server is its own, so the demo's complete
 * claim month can be moved without touching the shared one.
 */
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shinkyu-claim-reopen-'));
let server: ServerProcess;
let base = '';
let reception = '';
let browser: Browser | undefined;

beforeAll(async () => {
	expect(fs.existsSync(builtServerEntry()), 'build the server first').toBe(true);
	server = await startBuiltServer({ DATA_DIR: dataDir, RATE_LIMITS: 'off' });
	base = server.baseUrl;
	const passwords = demoPasswordsFrom(server.output());
	reception = await staffCookie(base, 'reception@example.jp', passwords['reception@example.jp']);
	browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
	await browser?.close();
	await server?.stop();
	fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('a ready claim whose records changed', () => {
	it('is a draft again on the claims page, with the note saying the records changed', async () => {
		// The server seeds the demo relative to its own clock: last month's complete claim of 中島 正子.
		const { month } = demoClaimMonth();
		const claimsPath = `/en/staff/insurance/claims?month=${month}`;
		const board = await (await fetch(`${base}${claimsPath}`, { headers: { cookie: reception } })).text();
		const claim = claimRowIn(board, '中島');
		expect(claim?.status).toBe('draft');
		const patientId = claim!.patientId;

		const { context, page } = await staffPage(browser!, base, reception, { locale: 'en-GB' });
		try {
			await page.goto(`${base}${claimsPath}`);
			const row = page.getByTestId(`claim-${patientId}-main`);
			const note = page.getByTestId(`reopened-${patientId}-main`);
			await actOnClaim(row, 'Mark ready', { confirm: 'I have checked this' });
			expect(await row.getAttribute('data-status')).toBe('ready');
			expect(await note.count()).toBe(0);

			// The month's signature changes after "ready": her son signs the same dates for her.
			await page.goto(`${base}/en/staff/insurance/claims/${patientId}/confirm?month=${month}`);
			await page.getByLabel('Someone for the patient').check();
			await page.getByLabel('Name of the person signing').fill('中島 一郎');
			await page.getByLabel('Relation to the patient (when signing for them)').fill('長男');
			await page.getByLabel('Why they sign for the patient (when signing for them)').fill('本人が手を痛めているため');
			await page.getByLabel('I confirm the treatment on the dates above and sign').check();
			await submitAndWait(page, page.getByRole('button', { name: 'Confirm and sign' }));
			expect(await page.getByRole('status').textContent()).toContain('The signature was recorded.');

			await page.goto(`${base}${claimsPath}`);
			expect(await row.getAttribute('data-status')).toBe('draft');
			expect(await note.getAttribute('role')).toBe('note');
			expect(await note.textContent()).toContain('Back to draft by itself on');
			expect(await note.textContent()).toContain('signature changed after it was marked ready');
			// The frozen version stays, its history ending in the reopening; the desk is offered "mark ready" again.
			expect(await row.locator('ol.history').textContent()).toContain('back to draft by itself: the records changed');
			expect(await row.getByRole('button', { name: 'Mark ready' }).count()).toBe(1);
			expect(await row.getByRole('button', { name: 'Mark submitted' }).count()).toBe(0);
			expect(await axeViolations(page)).toEqual([]);
		} finally {
			await context.close();
		}
	});
});
