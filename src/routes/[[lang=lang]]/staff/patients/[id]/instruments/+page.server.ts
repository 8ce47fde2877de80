import { z } from 'zod';
import { isMessageKey, translate } from '$lib/i18n/translate';
import { fieldErrorsFrom } from '$lib/server/http/field-errors';
import { formFailure } from '$lib/server/http/form';
import { readForm } from '$lib/server/http/read-form';
import { actorFrom } from '$lib/server/http/request-context';
import { clinicInstruments } from '$lib/server/outcomes/clinic-instruments';
import { ZInstrumentScoreFormSchema } from '$lib/server/outcomes/instrument-score-schemas';
import { instrumentProgress } from '$lib/server/outcomes/instrument-scores';
import { patientHeading } from '$lib/server/outcomes/outcome-repository';
import { recordInstrumentScore } from '$lib/server/outcomes/record-instrument-score';
import type { Actions, PageServerLoad } from './$types';
import { notFound } from '$lib/server/http/not-found';
import { recentClinicTimeZone } from '$lib/server/clinic/clinic-settings';

const isPatientId = (id: string) => z.uuid().safeParse(id).success;

export const load: PageServerLoad = async (event) => {
	const { locals, params, url } = event;
	const patient = isPatientId(params.id) ? await patientHeading(locals.db, params.id) : null;
	if (!patient) notFound(locals.locale);
	const instruments = await clinicInstruments();
	const requested = url.searchParams.get('instrument');
	// With one instrument there is nothing to choose; the form opens directly.
	const selected = instruments.find((i) => i.code === requested)?.code ?? (instruments.length === 1 ? instruments[0]!.code : null);
	return {
		timeZone: await recentClinicTimeZone(locals.db),
		patient,
		selected,
		progress: await instrumentProgress(locals.db, patient.id, instruments, actorFrom(event))
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { locals, params } = event;
		if (!isPatientId(params.id)) notFound(locals.locale);
		const values = await readForm(event.request);
		const instruments = await clinicInstruments();
		// The form is read against the definition the clinic has now, never against fields the browser sent.
		const instrument = instruments.find((i) => i.code === values.instrument);
		if (!instrument) return formFailure(422, values, { instrument: translate(locals.locale, 'outcomes.instruments.error.unknown') });
		const parsed = ZInstrumentScoreFormSchema(instrument).safeParse(values);
		if (!parsed.success) return formFailure(422, values, fieldErrorsFrom(parsed.error, locals.locale, values));
		const result = await recordInstrumentScore(locals.db, params.id, parsed.data, instruments, actorFrom(event));
		if (!result.ok && result.code === 'not_found') notFound(locals.locale);
		if (!result.ok) {
			const errors = Object.fromEntries(
				Object.entries(result.fields).map(([field, key]) => [field, translate(locals.locale, isMessageKey(key) ? key : 'validation.invalid')])
			);
			return formFailure(422, values, errors);
		}
		return { saved: true as const, instrument: instrument.code, score: result.score };
	}
};
