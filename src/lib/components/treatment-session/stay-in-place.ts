import type { ActionResult, SubmitFunction } from '@sveltejs/kit';
import { applyAction } from '$app/forms';
import { invalidateAll } from '$app/navigation';

/**
 * `use:enhance` for every form of the session page at the bed (issue #22): a save updates the
 * record in place, without a reload and without moving the page. The form stays as typed (no reset),
 * the record is read again, focus stays on the button pressed, and the notice of a save floats
 * over the page rather than pushing it down. A change refused for its safety
 * conflicts (issue #15) takes the practitioner to the reasons asked for. Without JavaScript the
 * same forms post as before and come back to their section by the anchor in their action.
 * `data-saving` on the body marks a save under way (the browser tests wait for it to clear).
 */
export const stayInPlace: SubmitFunction = ({ submitter }) => {
	document.body.dataset.saving = 'true';
	return async ({ result }) => {
		try {
			await settle(result, submitter);
		} finally {
			delete document.body.dataset.saving;
		}
	};
};

async function settle(result: ActionResult, submitter: HTMLElement | null): Promise<void> {
	if (result.type === 'redirect' || result.type === 'error') {
		await applyAction(result);
		return;
	}
	if (result.type === 'success') await invalidateAll();
	await applyAction(result);
	const refused = result.type === 'failure' && result.data !== undefined && 'conflicts' in result.data;
	const heading = refused ? document.getElementById('refused-heading') : null;
	if (heading) {
		heading.scrollIntoView({ block: 'start' });
		heading.focus({ preventScroll: true });
	} else if (submitter instanceof HTMLElement && submitter.isConnected) submitter.focus({ preventScroll: true });
}
