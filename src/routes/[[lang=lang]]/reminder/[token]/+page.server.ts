import { fail, redirect } from '@sveltejs/kit';
import { isAttendanceChoice } from '$lib/domain/scheduling/attendance-answer';
import { localizePath } from '$lib/i18n/locales';
import { managePath } from '$lib/server/booking/manage-view';
import { readForm } from '$lib/server/http/read-form';
import { actorFrom } from '$lib/server/http/request-context';
import { answerReminder } from '$lib/server/reminders/answer-reminder';
import { readReminderAnswerToken } from '$lib/server/reminders/answer-token';
import { reminderAnswerView } from '$lib/server/reminders/reminder-answer-view';
import type { Actions, PageServerLoad } from './$types';
import { notFound } from '$lib/server/http/not-found';

/*
 * The page a reminder's "I'll come" / "I need to change" link opens (issue #17). Opening it only
 * shows a button: mail scanners and link previews open links, and must not answer for the patient.
 * The answer is the POST, through the one function LINE and the desk use too.
 */

export const load: PageServerLoad = async ({ locals, params, url, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const view = await viewFor(locals, params.token, url.searchParams.get('m'));
	const choice = url.searchParams.get('choice');
	return {
		view: {
			start: view.start,
			timeZone: view.timeZone,
			clinicName: view.clinicName,
			phone: view.phone,
			open: view.open,
			confirmed: view.confirmed,
			changeRequested: view.changeRequested
		},
		choice: isAttendanceChoice(choice) ? choice : 'come',
		manageToken: view.manageToken,
		answered: url.searchParams.get('answered')
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { locals, params, request } = event;
		const values = await readForm(request);
		const view = await viewFor(locals, params.token, values.m || null);
		if (!isAttendanceChoice(values.choice)) return fail(400, { code: 'bad_choice' as const });
		const actor = actorFrom(event);
		const result = await answerReminder(
			locals.db,
			{ appointmentId: view.appointmentId, choice: values.choice, via: 'mail' },
			actor.type === 'staff' ? actor : { ...actor, type: 'patient', id: null }
		);
		if (!result.ok) return fail(409, { code: result.code });
		if (values.choice === 'change' && view.manageToken) redirect(303, managePath(locals.locale, view.manageToken, { step: 'move' }));
		const query = new URLSearchParams({ answered: values.choice });
		if (view.manageToken) query.set('m', view.manageToken);
		redirect(303, `${localizePath(`/reminder/${params.token}`, locals.locale)}?${query}`);
	}
};

async function viewFor(locals: App.Locals, token: string, manageToken: string | null) {
	const appointmentId = readReminderAnswerToken(locals.secrets, token);
	const view = appointmentId ? await reminderAnswerView(locals.db, appointmentId, locals.locale, manageToken) : null;
	if (!view) notFound(locals.locale);
	return view;
}
