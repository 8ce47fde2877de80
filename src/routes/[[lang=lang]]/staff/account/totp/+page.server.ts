import QRCode from 'qrcode';
import { translate } from '$lib/i18n/translate';
import { ZSecondFactorSchema } from '$lib/server/auth/schemas';
import { beginTotpEnrolment, confirmTotpEnrolment } from '$lib/server/auth/second-factor';
import { totpKeyUri } from '$lib/server/auth/totp';
import { findClinic } from '$lib/server/clinic/clinic-repository';
import { formFailure, parseForm } from '$lib/server/http/form';
import { actorFrom } from '$lib/server/http/request-context';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const session = locals.session!;
	const secret = await beginTotpEnrolment(locals.db, locals.secrets, session.staff.id);
	// Already enrolled (also right after the confirming post, whose answer shows the recovery codes).
	if (!secret) return { enrolled: true as const };
	const clinic = await findClinic(locals.db);
	const uri = totpKeyUri(secret, session.staff.email, clinic ? `shinkyu ${clinic.name_en}` : 'shinkyu');
	return {
		enrolled: false as const,
		required: !session.secondFactorDone,
		secret: secret.match(/.{1,4}/g)!.join(' '),
		qrSvg: await QRCode.toString(uri, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' })
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { locals } = event;
		const session = locals.session!;
		const form = await parseForm(event.request, ZSecondFactorSchema, locals.locale);
		if (!form.ok) return form.failure;
		const result = await confirmTotpEnrolment(locals.db, locals.secrets, session.staff.id, session.id, form.data.code, actorFrom(event));
		if (!result.ok) return formFailure(400, {}, { code: translate(locals.locale, 'enrol.invalid') });
		return { recoveryCodes: result.recoveryCodes };
	}
};
