import type { Locator, Page } from 'playwright-core';

/**
 * Submits a form and waits for its answer. The session record's forms save in place once its
 * script has run (issue #22): then this waits for the post and for the record to be read again
 * (`data-saving` cleared). Any other page, or the record without JavaScript, answers with a new
 * page: then this waits for it to load.
 */
export async function submitAndSettle(page: Page, button: Locator): Promise<void> {
	const inPlace = (await page.locator('main[data-hydrated="true"]').count()) > 0;
	if (!inPlace) {
		await Promise.all([page.waitForEvent('load'), button.click()]);
		return;
	}
	await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), button.click()]);
	await page.waitForSelector('body:not([data-saving])', { state: 'attached' });
}
