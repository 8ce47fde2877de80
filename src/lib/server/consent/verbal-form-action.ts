import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { translate, type MessageKey } from '../../i18n/translate';
import { readForm } from '../http/read-form';
import { actorFrom } from '../http/request-context';
import { recordVerbalTreatmentConsent } from './record-verbal-consent';

/*
 * The desk's "consent given aloud" form, on the chart's consents page and on the session start
 * form: parse → recordVerbalTreatmentConsent → a localized answer. The staff member signed in is
 * the one who took it.
 */
export async function verbalConsentFormAction(event: RequestEvent, patientId: string) {
	const { locals } = event;
	const staff = locals.session?.staff;
	if (!staff) error(403, translate(locals.locale, 'error.forbiddenTitle'));
	const values = await readForm(event.request);
	const result = await recordVerbalTreatmentConsent(locals.db, patientId, values, actorFrom(event));
	if (result.ok) return { verbalRecorded: translate(locals.locale, 'consent.verbal.recorded', { name: staff.display_name }) };
	switch (result.code) {
		case 'forbidden':
			return error(403, translate(locals.locale, 'error.forbiddenTitle'));
		case 'not_found':
			return error(404, translate(locals.locale, 'error.notFoundTitle'));
		case 'no_document':
			return fail(409, { verbal: { errors: {} as Record<string, string>, message: translate(locals.locale, 'consent.error.noDocument') } });
		case 'invalid': {
			const errors = Object.fromEntries(Object.entries(result.fields).map(([field, key]) => [field, translate(locals.locale, key as MessageKey)]));
			return fail(422, { verbal: { errors, message: translate(locals.locale, 'validation.formTitle') } });
		}
	}
}
