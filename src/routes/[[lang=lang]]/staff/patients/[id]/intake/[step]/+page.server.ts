import type { RequestEvent } from '@sveltejs/kit';
import { actorFrom } from '$lib/server/http/request-context';
import { handleStepAction, loadStepPage, type StepContext } from '$lib/server/intake/step-page';
import { displayName, intakePatientFor } from '../access';
import type { Actions, PageServerLoad } from './$types';

async function staffContext(event: RequestEvent): Promise<StepContext & { name: string }> {
	const patient = await intakePatientFor(event);
	return {
		event,
		patientId: patient.id,
		actor: actorFrom(event),
		basePath: `/staff/patients/${patient.id}/intake`,
		staffId: event.locals.session!.staff.id,
		scopeToPatient: false,
		name: displayName(patient, event.locals.locale)
	};
}

export const load: PageServerLoad = async (event) => {
	const ctx = await staffContext(event);
	return { ...(await loadStepPage(ctx, event.params.step)), name: ctx.name };
};

export const actions: Actions = {
	default: async (event) => handleStepAction(await staffContext(event), event.params.step)
};
