import type { Locator, Page } from 'playwright-core';
import { localDate } from '../../src/lib/domain/time';
import { previousMonth } from '../../src/lib/server/seed/demo-jukyo-month';

/*
 * What the browser tests of the 受領委任 claims page share (docs/jukyo-claim.md §12–§13): the demo's
 * claim month, a claim's row on the board and the row's forms.
 */

/** The clinic's today and the demo's claim month: the server seeds last month, relative to its own clock, in the clinic's time zone. */
export function demoClaimMonth(now = Date.now()): { today: string; month: string } {
	const today = localDate(now, 'Asia/Tokyo');
	return { today, month: previousMonth(today) };
}

/** The main 申請書 of the patient whose name contains `name`, in the claims page's HTML: the patient and the claim's status. */
export function claimRowIn(html: string, name: string): { patientId: string; status: string } | null {
	const row = [...html.matchAll(/<tr data-testid="claim-([0-9a-f-]{36})-main" data-status="([a-z]+)">([\s\S]*?)<\/tr>/g)].find((m) => m[3]!.includes(name));
	return row ? { patientId: row[1]!, status: row[2]! } : null;
}

/** Presses a button that posts its form, and waits for the page that answers. */
export async function submitAndWait(page: Page, button: Locator): Promise<void> {
	await Promise.all([page.waitForEvent('load'), button.click()]);
}

/** Moves a claim by its row's form on the claims page: fills what the step asks, ticks the confirming box, presses the button. */
export async function actOnClaim(row: Locator, button: string, options: { confirm?: string; fill?: (form: Locator) => Promise<void> } = {}): Promise<void> {
	const page = row.page();
	const form = row.locator('form', { has: page.getByRole('button', { name: button }) });
	await options.fill?.(form);
	await form.getByLabel(options.confirm ?? '内容を確かめました').check();
	await submitAndWait(page, form.getByRole('button', { name: button }));
}
