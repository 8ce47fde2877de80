import { serviceFieldName } from '$lib/components/scheduling/form-fields';
import { translator } from '$lib/i18n/translate';
import { formFailure, parseForm } from '$lib/server/http/form';
import { actorFrom } from '$lib/server/http/request-context';
import { addTimeOff } from '$lib/server/scheduling-settings/add-time-off';
import { loadPractitionerSettings } from '$lib/server/scheduling-settings/practitioner-settings';
import { removeTimeOff } from '$lib/server/scheduling-settings/remove-time-off';
import {
	ZAddTimeOffSchema,
	ZPractitionerActiveSchema,
	ZPractitionerLicencesSchema,
	ZPractitionerPlacesSchema,
	ZPractitionerProfileSchema,
	ZPractitionerServicesSchema,
	ZTimeOffIdSchema,
	ZWeekHoursSchema
} from '$lib/server/scheduling-settings/schemas';
import { setPractitionerActive } from '$lib/server/scheduling-settings/set-practitioner-active';
import { setPractitionerPlaces } from '$lib/server/scheduling-settings/set-practitioner-places';
import { setPractitionerHours } from '$lib/server/scheduling-settings/set-practitioner-hours';
import { setPractitionerServices } from '$lib/server/scheduling-settings/set-practitioner-services';
import { updatePractitionerProfile } from '$lib/server/scheduling-settings/update-practitioner-profile';
import { updatePractitionerLicences } from '$lib/server/scheduling-settings/update-practitioner-licences';
import type { Actions, PageServerLoad } from './$types';
import { notFound } from '$lib/server/http/not-found';
import { photoPath, photoVersions, removePractitionerPhoto, setPractitionerPhoto } from '$lib/server/scheduling-settings/practitioner-photo';
import { MAX_PHOTO_BYTES } from '$lib/domain/clinic/photo-file';

export const load: PageServerLoad = async ({ locals, params }) => {
	const practitioner = await loadPractitionerSettings(locals.db, params.id);
	if (!practitioner) notFound(locals.locale);
	const version = (await photoVersions(locals.db)).get(params.id);
	return { practitioner, photo: version ? photoPath(params.id, version) : null };
};

export const actions: Actions = {
	active: async (event) => {
		const t = translator(event.locals.locale);
		const form = await parseForm(event.request, ZPractitionerActiveSchema, event.locals.locale);
		if (!form.ok) return form.failure;
		const result = await setPractitionerActive(event.locals.db, event.params.id, form.data.active, actorFrom(event));
		if (!result.ok) return formFailure(404, form.values, {}, t('scheduling.error.notFound'));
		return {
			done: 'status',
			notice: form.data.active ? t('scheduling.practitioner.activated') : t('scheduling.practitioner.deactivated'),
			warning: result.bookedAppointments > 0 ? t('scheduling.bookedWhileInactive', { count: result.bookedAppointments }) : undefined
		};
	},
	licences: async (event) => {
		const t = translator(event.locals.locale);
		const form = await parseForm(event.request, ZPractitionerLicencesSchema, event.locals.locale);
		if (!form.ok) return form.failure;
		const result = await updatePractitionerLicences(event.locals.db, event.params.id, form.data, actorFrom(event));
		if (result.ok) return { done: 'licences', notice: t('scheduling.saved') };
		if (result.code === 'not_found') return formFailure(404, form.values, {}, t('scheduling.error.notFound'));
		return formFailure(422, form.values, { kyuLicence: t('scheduling.error.kyuLicenceInUse', { services: result.serviceCodes.join(', ') }) });
	},
	profile: async (event) => {
		const t = translator(event.locals.locale);
		const form = await parseForm(event.request, ZPractitionerProfileSchema, event.locals.locale);
		if (!form.ok) return form.failure;
		const result = await updatePractitionerProfile(event.locals.db, event.params.id, form.data, actorFrom(event));
		if (!result.ok) return formFailure(404, form.values, {}, t('scheduling.error.notFound'));
		return { done: 'profile', notice: t('profiles.saved') };
	},
	photo: async (event) => {
		const t = translator(event.locals.locale);
		const values = { form: 'photo' };
		// The file is read whole only when it is small enough: the body limit stops anything far larger.
		const file = (await event.request.formData().catch(() => null))?.get('photo');
		if (!(file instanceof File) || file.size === 0) return formFailure(422, values, { photo: t('consoleFollowup.photo.empty') });
		if (file.size > MAX_PHOTO_BYTES) return formFailure(413, values, { photo: t('consoleFollowup.photo.tooLarge', { kb: MAX_PHOTO_BYTES / 1024 }) });
		const result = await setPractitionerPhoto(event.locals.db, event.params.id, new Uint8Array(await file.arrayBuffer()), actorFrom(event));
		if (result.ok) return { done: 'photo', notice: t('consoleFollowup.photo.saved') };
		if (result.code === 'not_found') return formFailure(404, values, {}, t('scheduling.error.notFound'));
		const message =
			result.problem === 'too_large'
				? t('consoleFollowup.photo.tooLarge', { kb: MAX_PHOTO_BYTES / 1024 })
				: result.problem === 'empty'
					? t('consoleFollowup.photo.empty')
					: t('consoleFollowup.photo.notAnImage');
		return formFailure(result.problem === 'too_large' ? 413 : 415, values, { photo: message }, message);
	},
	removePhoto: async (event) => {
		const t = translator(event.locals.locale);
		const result = await removePractitionerPhoto(event.locals.db, event.params.id, actorFrom(event));
		if (!result.ok) return formFailure(404, { form: 'photo' }, {}, t('scheduling.error.notFound'));
		return { done: 'photo', notice: t('consoleFollowup.photo.removed') };
	},
	places: async (event) => {
		const t = translator(event.locals.locale);
		const form = await parseForm(event.request, ZPractitionerPlacesSchema, event.locals.locale);
		if (!form.ok) return form.failure;
		const result = await setPractitionerPlaces(event.locals.db, event.params.id, form.data.concurrentPatients, actorFrom(event));
		if (result.ok) return { done: 'places', notice: t('scheduling.saved') };
		if (result.code === 'not_found') return formFailure(404, form.values, {}, t('scheduling.error.notFound'));
		if (result.code === 'places_in_use') return formFailure(409, form.values, { concurrentPatients: t('desk.error.placesInUse', { count: result.inUse }) });
		return formFailure(422, form.values, { concurrentPatients: t('desk.error.concurrentPatients') });
	},
	services: async (event) => {
		const { locale } = event.locals;
		const t = translator(locale);
		const form = await parseForm(event.request, ZPractitionerServicesSchema, locale);
		if (!form.ok) return form.failure;
		const { db } = event.locals;
		const result = await setPractitionerServices(db, event.params.id, form.data.serviceIds, actorFrom(event));
		if (result.ok) return { done: 'services', notice: t('scheduling.saved') };
		if (result.code !== 'kyu_licence_required') return formFailure(404, form.values, {}, t('scheduling.error.notFound'));
		const settings = await loadPractitionerSettings(db, event.params.id);
		const refused = settings?.services.filter((s) => result.serviceIds.includes(s.id)) ?? [];
		const message = t('scheduling.error.kyuLicenceRequired', { services: refused.map((s) => s.name[locale]).join(locale === 'ja' ? '」「' : '", "') });
		return formFailure(422, form.values, Object.fromEntries(refused.map((s) => [serviceFieldName(s.id), message])), message);
	},
	hours: async (event) => {
		const t = translator(event.locals.locale);
		const form = await parseForm(event.request, ZWeekHoursSchema, event.locals.locale);
		if (!form.ok) return form.failure;
		const result = await setPractitionerHours(event.locals.db, event.params.id, form.data, actorFrom(event));
		if (result.ok) return { done: 'hours', notice: t('scheduling.saved') };
		return formFailure(result.code === 'not_found' ? 404 : 422, form.values, {}, result.code === 'not_found' ? t('scheduling.error.notFound') : undefined);
	},
	addTimeOff: async (event) => {
		const t = translator(event.locals.locale);
		const form = await parseForm(event.request, ZAddTimeOffSchema, event.locals.locale);
		if (!form.ok) return form.failure;
		const result = await addTimeOff(event.locals.db, event.params.id, form.data, actorFrom(event));
		if (result.ok) {
			const warning = result.bookedAppointments > 0 ? t('scheduling.bookedInTimeOff', { count: result.bookedAppointments }) : undefined;
			return { done: 'timeOff', notice: t('scheduling.timeOff.added'), warning };
		}
		if (result.code === 'not_found') return formFailure(404, form.values, {}, t('scheduling.error.notFound'));
		const message = result.code === 'end_not_after_start' ? t('scheduling.error.endNotAfterStart') : t('scheduling.error.timeOffOver');
		return formFailure(422, form.values, { to: message });
	},
	removeTimeOff: async (event) => {
		const t = translator(event.locals.locale);
		const form = await parseForm(event.request, ZTimeOffIdSchema, event.locals.locale);
		if (!form.ok) return form.failure;
		const result = await removeTimeOff(event.locals.db, event.params.id, form.data.timeOffId, actorFrom(event));
		if (!result.ok) return formFailure(404, form.values, {}, t('scheduling.error.notFound'));
		return { done: 'timeOff', notice: t('scheduling.timeOff.removed') };
	}
};
