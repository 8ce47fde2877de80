import { handleStepAction, loadStepPage, type StepContext } from '$lib/server/intake/step-page';
import { patientActor } from '$lib/server/portal/portal-patient';
import type { RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

/** The signed-in patient's own questionnaire: every query is scoped to them. */
function portalContext(event: RequestEvent): StepContext {
	const patientId = event.locals.patientSession!.patientId;
	return { event, patientId, actor: patientActor(event, patientId), basePath: '/portal/intake', scopeToPatient: true };
}

export const load: PageServerLoad = async (event) => loadStepPage(portalContext(event), event.params.step);

export const actions: Actions = {
	default: async (event) => handleStepAction(portalContext(event), event.params.step)
};
