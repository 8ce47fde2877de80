import { error, fail, type RequestEvent } from '@sveltejs/kit';
import type { Locale } from '../../i18n/locales';
import { translate, type MessageKey } from '../../i18n/translate';
import type { AuditActor } from '../audit/audit-log';
import { fieldErrorsFrom } from '../http/field-errors';
import { readForm } from '../http/read-form';
import { clientAddress } from '../http/request-context';
import { ZSignConsentFormSchema } from './schemas';
import { signConsent } from './sign-consent';

/*
 * The sign action of the portal's and the desk's consent pages: parse → signConsent → a localized
 * answer for the form it came from (each form posts a hidden `kind`).
 */

const localize = (locale: Locale, fields: Record<string, string>) =>
	Object.fromEntries(Object.entries(fields).map(([field, key]) => [field, translate(locale, key as MessageKey)]));

/** A refused answer, shown next to the form of its kind (the hidden `kind` field names it). */
function refused(locale: Locale, values: Record<string, string>, errors: Record<string, string>, action: 'sign' | 'decline') {
	const kept = { kind: values.kind ?? '', typedName: values.typedName ?? '', agree: values.agree === 'on' ? 'on' : '' };
	return fail(422, { action, values: kept, errors, message: translate(locale, 'validation.formTitle') });
}

/**
 * Records one answer. `staffId` is set when the desk records it; the device is the one the form
 * was posted from (the patient's phone or the desk's tablet).
 */
export async function signFormAction(event: RequestEvent, patientId: string, actor: AuditActor, staffId: string | null) {
	const { locale, db } = event.locals;
	const values = await readForm(event.request);
	const parsed = ZSignConsentFormSchema.safeParse(values);
	const action = values.decision === 'decline' ? 'decline' : 'sign';
	if (!parsed.success) return refused(locale, values, fieldErrorsFrom(parsed.error, locale, values), action);
	const agreed = parsed.data.decision === 'agree';
	const result = await signConsent(
		db,
		{
			patientId,
			documentId: parsed.data.documentId,
			agreed,
			confirmed: parsed.data.agree === 'on',
			typedName: parsed.data.typedName,
			ip: clientAddress(event),
			userAgent: event.request.headers.get('user-agent'),
			staffId
		},
		actor
	);
	if (!result.ok && result.code === 'not_found') error(404, translate(locale, 'error.notFoundTitle'));
	if (!result.ok) return refused(locale, values, localize(locale, result.fields), action);
	return { signed: { kind: values.kind ?? '', agreed, signatureId: result.signatureId } };
}
