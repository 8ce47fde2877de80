import { assess } from '$lib/domain/triage/assess';
import { parseForm } from '$lib/server/http/form';
import { ZTriageFormSchema } from '$lib/server/triage/schemas';
import type { Actions } from './$types';

export const actions: Actions = {
	// Assessed and forgotten: the answers are neither stored nor logged.
	default: async ({ request, locals }) => {
		const form = await parseForm(request, ZTriageFormSchema, locals.locale);
		if (!form.ok) return form.failure;
		// The answers travel on to the booking (in the link, never stored here) so the practitioner sees them.
		return { result: assess(form.data), triage: Buffer.from(JSON.stringify(form.data)).toString('base64url') };
	}
};
