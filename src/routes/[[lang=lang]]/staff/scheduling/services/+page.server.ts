import { translator } from '$lib/i18n/translate';
import { formFailure, parseForm } from '$lib/server/http/form';
import { actorFrom } from '$lib/server/http/request-context';
import { addBed } from '$lib/server/scheduling-settings/add-bed';
import { addService } from '$lib/server/scheduling-settings/add-service';
import { moveBed } from '$lib/server/scheduling-settings/move-bed';
import { removeBed } from '$lib/server/scheduling-settings/remove-bed';
import { renameBed } from '$lib/server/scheduling-settings/rename-bed';
import {
	ZAddServiceSchema,
	ZBedIdSchema,
	ZBedNamesSchema,
	ZMoveBedSchema,
	ZRenameBedSchema,
	ZUpdateServiceSchema
} from '$lib/server/scheduling-settings/schemas';
import { loadServiceCatalogue } from '$lib/server/scheduling-settings/service-catalogue';
import { updateService } from '$lib/server/scheduling-settings/update-service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => loadServiceCatalogue(locals.db);

export const actions: Actions = {
	updateService: async (event) => {
		const { locale } = event.locals;
		const t = translator(locale);
		const form = await parseForm(event.request, ZUpdateServiceSchema, locale);
		if (!form.ok) return form.failure;
		const result = await updateService(event.locals.db, form.data, actorFrom(event));
		if (!result.ok) return formFailure(404, form.values, {}, t('scheduling.error.notFound'));
		const name = locale === 'ja' ? form.data.nameJa : form.data.nameEn;
		return { done: form.values.form, notice: t('scheduling.services.saved', { name }) };
	},
	addService: async (event) => {
		const { locale } = event.locals;
		const t = translator(locale);
		const form = await parseForm(event.request, ZAddServiceSchema, locale);
		if (!form.ok) return form.failure;
		const result = await addService(event.locals.db, form.data, actorFrom(event));
		if (!result.ok) {
			const message = result.code === 'code_taken' ? t('scheduling.error.codeTaken') : t('scheduling.error.serviceCode');
			return formFailure(result.code === 'code_taken' ? 409 : 422, form.values, { symbol: message });
		}
		const name = locale === 'ja' ? form.data.nameJa : form.data.nameEn;
		return { done: 'addService', notice: t('scheduling.services.added', { name }) };
	},
	addBed: async (event) => {
		const t = translator(event.locals.locale);
		const form = await parseForm(event.request, ZBedNamesSchema, event.locals.locale);
		if (!form.ok) return form.failure;
		await addBed(event.locals.db, form.data, actorFrom(event));
		return { done: 'addBed', notice: t('scheduling.beds.added') };
	},
	renameBed: async (event) => {
		const t = translator(event.locals.locale);
		const form = await parseForm(event.request, ZRenameBedSchema, event.locals.locale);
		if (!form.ok) return form.failure;
		const result = await renameBed(event.locals.db, form.data.bedId, form.data, actorFrom(event));
		if (!result.ok) return formFailure(404, form.values, {}, t('scheduling.error.notFound'));
		return { done: form.values.form, notice: t('scheduling.beds.renamed') };
	},
	moveBed: async (event) => {
		const t = translator(event.locals.locale);
		const form = await parseForm(event.request, ZMoveBedSchema, event.locals.locale);
		if (!form.ok) return formFailure(422, { form: 'beds' }, {}, t('scheduling.error.notFound'));
		const result = await moveBed(event.locals.db, form.data.bedId, form.data.direction, actorFrom(event));
		if (!result.ok) return formFailure(404, { form: 'beds' }, {}, t('scheduling.error.notFound'));
		return { done: 'beds', notice: t('scheduling.beds.moved') };
	},
	removeBed: async (event) => {
		const t = translator(event.locals.locale);
		const form = await parseForm(event.request, ZBedIdSchema, event.locals.locale);
		if (!form.ok) return formFailure(422, { form: 'beds' }, {}, t('scheduling.error.notFound'));
		const result = await removeBed(event.locals.db, form.data.bedId, actorFrom(event));
		if (result.ok) return { done: 'beds', notice: t('scheduling.beds.removed') };
		if (result.code === 'not_found') return formFailure(404, { form: 'beds' }, {}, t('scheduling.error.notFound'));
		// The names typed in the bed's form are kept, so nothing is lost by a refused removal.
		const message = result.code === 'bed_in_use' ? t('scheduling.beds.inUse', { count: result.appointments }) : t('scheduling.beds.lastBed');
		return formFailure(409, form.values, {}, message);
	}
};
