import { findClinic } from '$lib/server/clinic/clinic-repository';
import { listFailedMail } from '$lib/server/mail/failed-mail';
import { listOutbox } from '$lib/server/mail/mailer';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	timeZone: (await findClinic(locals.db))?.time_zone ?? 'Asia/Tokyo',
	failed: await listFailedMail(locals.db),
	mails: (await listOutbox(locals.db)).map((m) => ({
		id: m.id,
		to: m.recipient,
		subject: m.subject,
		body: m.body,
		createdAt: m.created_at,
		sentAt: m.sent_at,
		error: m.last_error
	}))
});
