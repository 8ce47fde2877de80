import { error, fail } from '@sveltejs/kit';
import { wordSafetyAlerts } from '$lib/components/safety/safety-labels';
import { z } from 'zod';
import type { CheckedConflict } from '$lib/domain/clinical/safety-check';
import { NEEDLING_ORDER } from '$lib/domain/clinical/point-suggestions';
import { localDate } from '$lib/domain/time';
import { isMessageKey, translate } from '$lib/i18n/translate';
import type { Db } from '$lib/server/db/database';
import { formFailure } from '$lib/server/http/form';
import { readForm } from '$lib/server/http/read-form';
import { actorFrom } from '$lib/server/http/request-context';
import { loadPlanPage } from '$lib/server/treatment-plan/load-plan-page';
import { savePlan } from '$lib/server/treatment-plan/save-plan';
import { PLAN_FIELD, PLAN_LIMITS, planFormInput } from '$lib/server/treatment-plan/schemas';
import type { Actions, PageServerLoad } from './$types';
import { notFound } from '$lib/server/http/not-found';
import { recentClinicTimeZone } from '$lib/server/clinic/clinic-settings';

const isPatientId = (id: string) => z.uuid().safeParse(id).success;

async function clinicToday(db: Db): Promise<{ today: string; timeZone: string }> {
	const timeZone = await recentClinicTimeZone(db);
	return { today: localDate(db.clock.now().getTime(), timeZone), timeZone };
}

export const load: PageServerLoad = async (event) => {
	const { locals, params } = event;
	const page = isPatientId(params.id) ? await loadPlanPage(locals.db, params.id, actorFrom(event)) : null;
	if (!page) notFound(locals.locale);
	return {
		...page,
		safetyAlerts: wordSafetyAlerts(page.safetyAlerts, locals.locale),
		...(await clinicToday(locals.db)),
		limits: PLAN_LIMITS,
		pointOrder: [...NEEDLING_ORDER]
	};
};

/** What the page gets back when the plan needs acknowledgements: the conflicts, the input, the messages. */
interface PlanConflictFailure {
	values: Record<string, string>;
	errors: Record<string, string>;
	conflicts: CheckedConflict[];
}

export const actions: Actions = {
	default: async (event) => {
		const { locals, params } = event;
		const staff = locals.session?.staff;
		if (!staff) error(403, translate(locals.locale, 'error.forbiddenTitle'));
		if (!isPatientId(params.id)) notFound(locals.locale);
		const values = await readForm(event.request);
		const { today } = await clinicToday(locals.db);
		const result = await savePlan(locals.db, params.id, planFormInput(values), staff.id, actorFrom(event), { today });
		if (result.ok) return { saved: true as const };
		if (result.code === 'not_found') notFound(locals.locale);
		if (result.code === 'invalid') {
			const errors: Record<string, string> = {};
			for (const [path, key] of Object.entries(result.fields)) {
				const field = path.startsWith('acknowledgements.') ? `${PLAN_FIELD.ack}${path.slice('acknowledgements.'.length)}` : path;
				errors[field] = translate(locals.locale, isMessageKey(key) ? key : 'validation.invalid');
			}
			return formFailure(422, values, errors);
		}
		const errors = Object.fromEntries(result.missing.map((key) => [`${PLAN_FIELD.ack}${key}`, translate(locals.locale, 'treatmentPlan.error.reasonRequired')]));
		return fail(422, { values, errors, conflicts: result.check.conflicts } satisfies PlanConflictFailure);
	}
};
