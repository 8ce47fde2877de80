import { consentOverview } from '$lib/server/consent/consent-overview';
import { portalPatient } from '$lib/server/portal/portal-patient';
import { CONSENT_LIMITS } from '$lib/server/consent/schemas';
import { signFormAction } from '$lib/server/consent/sign-form-action';
import type { Actions, PageServerLoad } from './$types';
import { notFound } from '$lib/server/http/not-found';
import { recentClinicTimeZone } from '$lib/server/clinic/clinic-settings';

export const load: PageServerLoad = async (event) => {
	const { patientId, actor } = portalPatient(event);
	const overview = await consentOverview(event.locals.db, patientId, actor);
	if (!overview) notFound(event.locals.locale);
	return {
		timeZone: await recentClinicTimeZone(event.locals.db),
		nameMaxLength: CONSENT_LIMITS.typedName,
		kinds: overview.kinds
			.filter((k) => k.document !== null)
			.map((k) => ({
				kind: k.kind,
				required: k.required,
				status: k.status,
				needsAnswer: k.needsAnswer,
				document: k.document!,
				latest: k.latest && { id: k.latest.id, version: k.latest.version }
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
		const { patientId, actor } = portalPatient(event);
		return signFormAction(event, patientId, actor, null);
	}
};
