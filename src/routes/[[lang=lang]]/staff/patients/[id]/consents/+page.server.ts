import { z } from 'zod';
import { consentOverview } from '$lib/server/consent/consent-overview';
import { CONSENT_LIMITS } from '$lib/server/consent/schemas';
import { signFormAction } from '$lib/server/consent/sign-form-action';
import { verbalConsentFormAction } from '$lib/server/consent/verbal-form-action';
import { actorFrom } from '$lib/server/http/request-context';
import type { Actions, PageServerLoad } from './$types';
import { notFound } from '$lib/server/http/not-found';
import { recentClinicTimeZone } from '$lib/server/clinic/clinic-settings';

const isPatientId = (id: string) => z.uuid().safeParse(id).success;

/** Every answer of one patient, and the desk's form to record a new one on the clinic's tablet. */
export const load: PageServerLoad = async (event) => {
	const { locals, params } = event;
	const overview = isPatientId(params.id) ? await consentOverview(locals.db, params.id, actorFrom(event)) : null;
	if (!overview) notFound(locals.locale);
	return {
		timeZone: await recentClinicTimeZone(locals.db),
		nameMaxLength: CONSENT_LIMITS.typedName,
		patient: { id: overview.patient.id, familyName: overview.patient.familyName, givenName: overview.patient.givenName },
		kinds: overview.kinds
			.filter((k) => k.document !== null)
			.map((k) => ({
				kind: k.kind,
				required: k.required,
				status: k.status,
				needsAnswer: k.needsAnswer,
				document: k.document!,
				latest: k.latest && { id: k.latest.id, version: k.latest.version, signedAt: k.latest.signedAt }
			})),
		signatures: overview.signatures.map((s) => ({
			id: s.id,
			kind: s.kind,
			version: s.version,
			agreed: s.agreed,
			signedAt: s.signedAt,
			recordedByName: s.recordedByName,
			channel: s.channel
		}))
	};
};

export const actions: Actions = {
	sign: async (event) => {
		const { locals, params } = event;
		const staff = locals.session?.staff;
		if (!staff || !isPatientId(params.id)) notFound(locals.locale);
		return signFormAction(event, params.id, actorFrom(event), staff.id);
	},
	/** A treatment consent given aloud at the desk, taken by the staff member signed in. */
	verbal: async (event) => {
		if (!isPatientId(event.params.id)) notFound(event.locals.locale);
		return verbalConsentFormAction(event, event.params.id);
	}
};
