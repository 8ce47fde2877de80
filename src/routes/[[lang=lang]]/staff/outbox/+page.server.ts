import { actorFrom } from '$lib/server/http/request-context';
import { listFailedMail } from '$lib/server/mail/failed-mail';
import { listOutbox } from '$lib/server/mail/mailer';
import { listPatientOutbox } from '$lib/server/mail/patient-outbox';
import type { PageServerLoad } from './$types';
import { recentClinicTimeZone } from '$lib/server/clinic/clinic-settings';

/**
 * The owner reads every mail as written (the outbox is how mail is read when no SMTP server is
 * set); reception reads mail to patients only, with the links' tokens removed (issue #22).
 */
export const load: PageServerLoad = async (event) => {
	const { locals } = event;
	const timeZone = await recentClinicTimeZone(locals.db);
	if (locals.session?.staff.role !== 'owner') {
		const mails = await listPatientOutbox(locals.db, actorFrom(event));
		return { timeZone, redacted: true, failed: [], mails };
	}
	return {
		timeZone,
		redacted: false,
		failed: await listFailedMail(locals.db),
		mails: (await listOutbox(locals.db)).map((m) => ({
			id: m.id,
			to: m.recipient,
			patients: [] as Array<{ id: string; familyName: string; givenName: string }>,
			subject: m.subject,
			body: m.body,
			createdAt: m.created_at,
			sentAt: m.sent_at,
			error: m.last_error
		}))
	};
};
