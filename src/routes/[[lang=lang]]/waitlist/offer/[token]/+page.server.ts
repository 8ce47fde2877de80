import { fail } from '@sveltejs/kit';
import { manageUrl } from '$lib/server/booking/manage-url';
import { actorFrom } from '$lib/server/http/request-context';
import { wakeJobWorker } from '$lib/server/jobs/worker';
import { acceptOffer, declineOffer } from '$lib/server/waitlist/answer-offer';
import { findOfferByToken } from '$lib/server/waitlist/waitlist-view';
import type { Actions, PageServerLoad } from './$types';
import { notFound } from '$lib/server/http/not-found';

/**
 * The offer of a freed slot (issue #17). Opening the link only shows it: mail scanners follow
 * links, so booking is a button (a POST), never the GET itself.
 */
export const load: PageServerLoad = async ({ locals, params }) => {
	const offer = await findOfferByToken(locals.db, params.token);
	if (!offer) notFound(locals.locale);
	const expired = offer.status === 'offered' && Date.parse(offer.expiresAt) <= locals.db.clock.now().getTime();
	return { offer: { ...offer, status: expired ? ('expired' as const) : offer.status } };
};

export const actions: Actions = {
	accept: async (event) => {
		const { locals, params } = event;
		const result = await acceptOffer(locals.db, params.token, { ...actorFrom(event), type: 'patient' });
		if (!result.ok) {
			if (result.code === 'not_found') notFound(locals.locale);
			return fail(409, { code: result.code });
		}
		wakeJobWorker();
		return { booked: true as const, manageUrl: manageUrl(locals.origin, result.locale, result.manageToken) };
	},
	decline: async (event) => {
		const { locals, params } = event;
		const result = await declineOffer(locals.db, params.token, { ...actorFrom(event), type: 'patient' });
		if (!result.ok) {
			if (result.code === 'not_found') notFound(locals.locale);
			return fail(409, { code: result.code });
		}
		wakeJobWorker();
		return { declined: true as const };
	}
};
