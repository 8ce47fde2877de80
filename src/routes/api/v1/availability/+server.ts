import { toOffsetIso } from '$lib/domain/time';
import { translate } from '$lib/i18n/translate';
import { getAvailability } from '$lib/server/booking/get-availability';
import { ZAvailabilityQuerySchema } from '$lib/server/booking/schemas';
import { apiError, validationError } from '$lib/server/http/api-response';
import { jsonOnce } from '$lib/server/http/json-once';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url, locals }) => {
	const raw = Object.fromEntries(url.searchParams);
	const parsed = ZAvailabilityQuerySchema.safeParse(raw);
	const t = (key: Parameters<typeof translate>[1]) => translate(locals.locale, key);
	if (!parsed.success) return validationError(parsed.error, raw, locals.locale, t('validation.formTitle'));
	const result = await getAvailability(locals.db, parsed.data, { recentConfig: true });
	if (!result.ok) {
		if (!('field' in result)) {
			const key = result.code === 'service_not_found' ? 'booking.serviceNotFound' : 'booking.practitionerNotFound';
			return apiError(404, result.code, t(key));
		}
		const message = result.code === 'range_too_long' ? t('booking.rangeTooLong') : t('booking.outsideWindow');
		return apiError(422, result.code, message, { [result.field]: message });
	}
	// A reused answer (the same slots) is serialized once.
	return jsonOnce(
		result.slots,
		() => ({
			timeZone: result.timeZone,
			slots: result.slots.map((s) => ({
				start: toOffsetIso(s.start, result.timeZone),
				end: toOffsetIso(s.end, result.timeZone),
				practitionerId: s.practitionerId
			}))
		}),
		{ headers: { 'cache-control': 'no-store' } }
	);
};
