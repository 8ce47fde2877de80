import type { SubmitFunction } from '@sveltejs/kit';
import { applyAction } from '$app/forms';
import { invalidateAll } from '$app/navigation';

/**
 * `use:enhance` for every form of the session page at the bed (issue #22): a save updates the
 * record in place, without a reload and without moving the page. The form stays as typed (no reset),
 * the record is read again, and focus stays on the button pressed. A change refused for its safety
 * conflicts (issue #15) takes the practitioner to the reasons asked for. Without JavaScript the
 * same forms post as before and come back to their section by the anchor in their action.
 */
export const stayInPlace: SubmitFunction = ({ submitter }) => {
	const x = window.scrollX;
	const y = window.scrollY;
	return async ({ result }) => {
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
			return;
		}
		if (window.scrollX !== x || window.scrollY !== y) window.scrollTo(x, y);
		if (submitter instanceof HTMLElement && submitter.isConnected) submitter.focus({ preventScroll: true });
	};
};
