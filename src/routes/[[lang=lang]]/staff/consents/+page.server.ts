import { fail } from '@sveltejs/kit';
import { isRequiredKind } from '$lib/domain/consent/kinds';
import { translate, type MessageKey } from '$lib/i18n/translate';
import { listDocumentVersions } from '$lib/server/consent/list-document-versions';
import { publishConsentVersion } from '$lib/server/consent/publish-consent-version';
import { CONSENT_LIMITS, ZPublishConsentFormSchema } from '$lib/server/consent/schemas';
import { fieldErrorsFrom } from '$lib/server/http/field-errors';
import { readForm } from '$lib/server/http/read-form';
import { actorFrom } from '$lib/server/http/request-context';
import type { Actions, PageServerLoad } from './$types';
import { notFound } from '$lib/server/http/not-found';
import { recentClinicTimeZone } from '$lib/server/clinic/clinic-settings';

/** The owner's view of every consent document: versions, answers per version, and publishing. */
export const load: PageServerLoad = async ({ locals }) => {
	const kinds = await listDocumentVersions(locals.db);
	return { kinds, limits: CONSENT_LIMITS, timeZone: await recentClinicTimeZone(locals.db) };
};

export const actions: Actions = {
	publish: async (event) => {
		const { locals } = event;
		const staff = locals.session?.staff;
		if (!staff) notFound(locals.locale);
		const values = await readForm(event.request);
		const kept = Object.fromEntries(['kind', 'titleJa', 'titleEn', 'bodyJa', 'bodyEn'].map((k) => [k, values[k] ?? '']));
		const refuse = (errors: Record<string, string>) => fail(422, { values: kept, errors, message: translate(locals.locale, 'validation.formTitle') });
		const parsed = ZPublishConsentFormSchema.safeParse(values);
		if (!parsed.success) return refuse(fieldErrorsFrom(parsed.error, locals.locale, values));
		const { confirm: _confirmed, ...texts } = parsed.data;
		const result = await publishConsentVersion(locals.db, { ...texts, required: isRequiredKind(texts.kind) }, staff.id, actorFrom(event));
		if (!result.ok) {
			return refuse(Object.fromEntries(Object.entries(result.fields).map(([field, key]) => [field, translate(locals.locale, key as MessageKey)])));
		}
		return { published: { kind: texts.kind, version: result.version } };
	}
};
