import { localInstant } from '$lib/domain/time';
import { translate, type MessageKey } from '$lib/i18n/translate';
import { formFailure, parseForm } from '$lib/server/http/form';
import { notFound } from '$lib/server/http/not-found';
import { actorFrom } from '$lib/server/http/request-context';
import { cancelSeriesVisits, moveSeriesVisits } from '$lib/server/series/change-series-visits';
import { loadSeries } from '$lib/server/series/load-series';
import { ZSeriesMoveSchema, ZSeriesScopeSchema } from '$lib/server/series/schemas';
import type { Actions, PageServerLoad } from './$types';
import { CLINIC_DEFAULT_TIME_ZONE, recentClinic } from '$lib/server/clinic/clinic-settings';
import { isVisitOfSeries } from '$lib/server/series/series-status';

const REFUSALS: Record<string, [number, MessageKey]> = {
	not_found: [404, 'series.notFound'],
	not_changeable: [409, 'series.notChangeable'],
	outside_hours: [422, 'series.outsideHours'],
	conflict: [409, 'series.conflict']
};

export const load: PageServerLoad = async (event) => {
	const { locals, params, url } = event;
	const series = await loadSeries(locals.db, params.id, actorFrom(event));
	if (!series) notFound(locals.locale, 'series.notFound');
	const clinic = await recentClinic(locals.db);
	const booked = Number(url.searchParams.get('booked') ?? '');
	return { series, timeZone: clinic?.time_zone ?? CLINIC_DEFAULT_TIME_ZONE, booked: Number.isSafeInteger(booked) && booked > 0 ? booked : null };
};

export const actions: Actions = {
	cancel: async (event) => {
		const { locals, params } = event;
		const form = await parseForm(event.request, ZSeriesScopeSchema, locals.locale);
		if (!form.ok) return form.failure;
		if (!(await isVisitOfSeries(locals.db, form.data.appointmentId, params.id)))
			return formFailure(404, form.values, {}, translate(locals.locale, 'series.notFound'));
		const result = await cancelSeriesVisits(locals.db, form.data.appointmentId, form.data.scope, actorFrom(event));
		if (!result.ok) {
			const [status, key] = REFUSALS[result.code]!;
			return formFailure(status, form.values, {}, translate(locals.locale, key));
		}
		return { notice: translate(locals.locale, 'series.cancelled', { count: result.changed }) };
	},
	move: async (event) => {
		const { locals, params } = event;
		const form = await parseForm(event.request, ZSeriesMoveSchema, locals.locale);
		if (!form.ok) return form.failure;
		if (!(await isVisitOfSeries(locals.db, form.data.appointmentId, params.id)))
			return formFailure(404, form.values, {}, translate(locals.locale, 'series.notFound'));
		const clinic = await recentClinic(locals.db);
		const start = localInstant(form.data.date, form.data.time, clinic?.time_zone ?? CLINIC_DEFAULT_TIME_ZONE);
		const result = await moveSeriesVisits(locals.db, form.data.appointmentId, form.data.scope, start, actorFrom(event));
		if (!result.ok) {
			const [status, key] = REFUSALS[result.code]!;
			return formFailure(status, form.values, {}, translate(locals.locale, key));
		}
		return { notice: translate(locals.locale, 'series.moved', { count: result.changed }) };
	}
};
