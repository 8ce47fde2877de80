import { fail, redirect } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n/locales';
import { isMessageKey, translate } from '$lib/i18n/translate';
import { actorFrom } from '$lib/server/http/request-context';
import { packageRefundPolicy } from '$lib/server/packages/refund-package';
import { listCoverableServices } from '$lib/server/packages/desk-page';
import { savePackageSettings } from '$lib/server/packages/package-settings';
import { createPackageType, listPackageTypes, retirePackageType, updatePackageType } from '$lib/server/packages/package-types';
import { createPlanType, listPlanTypes, updatePlanType } from '$lib/server/packages/monthly-types';
import type { Actions, PageServerLoad } from './$types';

/** The owner's prepaid courses (issue #18): the types on sale and the refund settings. */
export const load: PageServerLoad = async ({ locals, url }) => {
	return {
		types: await listPackageTypes(locals.db, { includeRetired: true }),
		services: await listCoverableServices(locals.db),
		settings: await packageRefundPolicy(locals.db),
		planTypes: await listPlanTypes(locals.db, { includeRetired: true }),
		saved: url.searchParams.get('saved') === '1'
	};
};

/** Every value of the form; `serviceIds` may come several times. */
async function formValues(request: Request): Promise<Record<string, string | string[]>> {
	const data = await request.formData();
	const values: Record<string, string | string[]> = {};
	for (const key of new Set(data.keys())) {
		const all = data.getAll(key).filter((v): v is string => typeof v === 'string');
		values[key] = key === 'serviceIds' ? all : (all[0] ?? '');
	}
	return values;
}

type Outcome = { ok: true } | { ok: false; code: string; fields?: Record<string, string> };

function failure(locale: App.Locals['locale'], result: Outcome, values: Record<string, unknown>, form: string) {
	if (result.ok) return null;
	const fields = result.fields ?? {};
	const errors = Object.fromEntries(
		Object.entries(fields).map(([field, key]) => [field, translate(locale, isMessageKey(key) ? key : 'packages.error.invalid')])
	);
	const status = result.code === 'forbidden' ? 403 : result.code === 'not_found' ? 404 : 422;
	return fail(status, { form, values, errors, refusal: result.code === 'invalid' ? null : result.code });
}

export const actions: Actions = {
	create: async (event) => {
		const values = await formValues(event.request);
		const result = await createPackageType(event.locals.db, values, actorFrom(event));
		if (!result.ok) return failure(event.locals.locale, result, values, 'create');
		redirect(303, `${localizePath('/staff/settings/packages', event.locals.locale)}?saved=1`);
	},
	update: async (event) => {
		const values = await formValues(event.request);
		const result = await updatePackageType(event.locals.db, String(values.id ?? ''), values, actorFrom(event));
		if (!result.ok) return failure(event.locals.locale, result, values, `edit-${String(values.id ?? '')}`);
		redirect(303, `${localizePath('/staff/settings/packages', event.locals.locale)}?saved=1`);
	},
	retire: async (event) => {
		const values = await formValues(event.request);
		const result = await retirePackageType(event.locals.db, String(values.id ?? ''), actorFrom(event));
		if (!result.ok) return failure(event.locals.locale, result, values, `edit-${String(values.id ?? '')}`);
		redirect(303, `${localizePath('/staff/settings/packages', event.locals.locale)}?saved=1`);
	},
	// Monthly plans (月額): retired with `retire` above, like a course type.
	createPlan: async (event) => {
		const values = await formValues(event.request);
		const result = await createPlanType(event.locals.db, values, actorFrom(event));
		if (!result.ok) return failure(event.locals.locale, result, values, 'plan-create');
		redirect(303, `${localizePath('/staff/settings/packages', event.locals.locale)}?saved=1`);
	},
	updatePlan: async (event) => {
		const values = await formValues(event.request);
		const result = await updatePlanType(event.locals.db, String(values.id ?? ''), values, actorFrom(event));
		if (!result.ok) return failure(event.locals.locale, result, values, `plan-edit-${String(values.id ?? '')}`);
		redirect(303, `${localizePath('/staff/settings/packages', event.locals.locale)}?saved=1`);
	},
	settings: async (event) => {
		const values = await formValues(event.request);
		const result = await savePackageSettings(event.locals.db, values, actorFrom(event));
		if (!result.ok) return failure(event.locals.locale, result, values, 'settings');
		redirect(303, `${localizePath('/staff/settings/packages', event.locals.locale)}?saved=1`);
	}
};
