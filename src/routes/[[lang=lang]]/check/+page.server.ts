import { assess } from '$lib/domain/triage/assess';
import { parseForm } from '$lib/server/http/form';
import { triageHiddenFields, ZTriageFormSchema } from '$lib/server/triage/schemas';
import type { Actions } from './$types';

export const actions: Actions = {
	// Assessed and forgotten: the answers are neither stored nor logged.
	default: async ({ request, locals }) => {
		const form = await parseForm(request, ZTriageFormSchema, locals.locale);
		if (!form.ok) return form.failure;
		// Booking from the result page posts the answers on in hidden fields (never in a link), so
		// the practitioner sees them with the visit (docs/contracts.md).
		return { result: assess(form.data), answers: triageHiddenFields(form.data) };
	}
};
