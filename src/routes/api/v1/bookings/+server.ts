import { BOOKING_RED_FLAG_LABELS } from '$lib/labels/booking-red-flag-labels';
import { TRIAGE_ADVICE_LABELS } from '$lib/labels/triage-advice-labels';
import { json } from '@sveltejs/kit';
import { toOffsetIso } from '$lib/domain/time';
import { translate } from '$lib/i18n/translate';
import { createBooking } from '$lib/server/booking/create-booking';
import { manageUrl } from '$lib/server/booking/manage-url';
import { ZCreateBookingSchema } from '$lib/server/booking/schemas';
import { apiError, validationError } from '$lib/server/http/api-response';
import { beginIdempotent } from '$lib/server/http/idempotency';
import { readJson } from '$lib/server/http/read-json';
import { actorFrom } from '$lib/server/http/request-context';
import { wakeJobWorker } from '$lib/server/jobs/worker';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async (event) => {
	const { request, locals } = event;
	const t = (key: Parameters<typeof translate>[1]) => translate(locals.locale, key);
	const body = await readJson(request);
	if (!body.ok) return apiError(400, 'invalid_json', t('api.invalidJson'));
	const idempotency = await beginIdempotent(locals.db, request.headers.get('idempotency-key'), body.value);
	if (idempotency.kind === 'replay') return idempotency.response;
	if (idempotency.kind === 'conflict') {
		return idempotency.code === 'idempotency_key_invalid'
			? apiError(400, idempotency.code, t('booking.idempotencyInvalid'))
			: apiError(409, idempotency.code, t('booking.idempotencyConflict'));
	}
	let redFlag = false;
	try {
		const response = await book();
		// A refusal for red flags keeps nothing, not even the key: the answers behind it are health data.
		if (response.status === 422 && redFlag) {
			await idempotency.abandon();
			return response;
		}
		return await idempotency.save(response);
	} catch (cause) {
		await idempotency.abandon();
		throw cause;
	}

	async function book(): Promise<Response> {
		const parsed = ZCreateBookingSchema.safeParse(body.ok ? body.value : null);
		if (!parsed.success) return validationError(parsed.error, body.ok ? body.value : null, locals.locale, t('validation.formTitle'));
		const result = await createBooking(locals.db, parsed.data, actorFrom(event));
		if (!result.ok && result.code === 'red_flag') {
			redFlag = true;
			return json(
				{
					error: {
						code: 'red_flag',
						level: result.level,
						reasons: result.reasons,
						message: t(BOOKING_RED_FLAG_LABELS[result.level]),
						advice: { ja: translate('ja', TRIAGE_ADVICE_LABELS[result.level]), en: translate('en', TRIAGE_ADVICE_LABELS[result.level]) }
					}
				},
				{ status: 422 }
			);
		}
		if (!result.ok) {
			if (result.code === 'slot_taken') return apiError(409, 'slot_taken', t('booking.slotTaken'));
			if (result.code === 'too_many_upcoming')
				return apiError(409, 'too_many_upcoming', translate(locals.locale, 'bookingControls.tooManyUpcoming', { limit: result.limit }));
			return apiError(404, result.code, t(result.code === 'service_not_found' ? 'booking.serviceNotFound' : 'booking.practitionerNotFound'));
		}
		wakeJobWorker();
		const { appointment } = result;
		return json(
			{
				id: appointment.id,
				// A new patient's booking the clinic approves first (issue #17): the time is held meanwhile.
				status: result.pending ? 'pending_approval' : 'confirmed',
				start: toOffsetIso(Date.parse(appointment.starts_at), result.timeZone),
				end: toOffsetIso(Date.parse(appointment.ends_at), result.timeZone),
				practitionerId: appointment.practitioner_id,
				manageUrl: manageUrl(locals.origin, appointment.locale, result.manageToken)
			},
			{ status: 201 }
		);
	}
};
