import { fail, type RequestEvent } from '@sveltejs/kit';
import { isAttendanceChoice } from '$lib/domain/scheduling/attendance-answer';
import { translate } from '$lib/i18n/translate';
import { readForm } from '$lib/server/http/read-form';
import { actorFrom } from '$lib/server/http/request-context';
import { answerReminder } from '$lib/server/reminders/answer-reminder';

/** The desk records an answer it got by phone or at the counter (issue #17), through the same function as mail and LINE. */
export async function attendanceAction(event: RequestEvent) {
	const { locals } = event;
	const values = await readForm(event.request);
	if (!values.id || !isAttendanceChoice(values.choice))
		return fail(422, { intent: 'attendance' as const, values, errors: {}, message: translate(locals.locale, 'validation.formTitle') });
	const result = await answerReminder(locals.db, { appointmentId: values.id, choice: values.choice, via: 'desk' }, actorFrom(event));
	if (!result.ok)
		return fail(result.code === 'not_found' ? 404 : 409, {
			intent: 'attendance' as const,
			values,
			errors: {},
			message: translate(locals.locale, 'reminders.deskNotOpen')
		});
	return { intent: 'attendance' as const, appointmentId: values.id, notice: translate(locals.locale, 'reminders.deskRecorded') };
}
