import type { Locale } from '../../i18n/locales';
import { translate } from '../../i18n/translate';
import { SYSTEM_ACTOR } from '../audit/audit-log';
import { sha256Hex, constantTimeEqual } from '../crypto';
import { findAppointment } from '../booking/appointment-repository';
import type { Db } from '../db/database';
import { logger } from '../log';
import { answerReminder } from '../reminders/answer-reminder';
import { replyLineMessages } from './line-client';
import { lineConfig, type LineConfig } from './line-config';
import { createConnectToken, forgetLineUser } from './line-link';
import { link, readReminderPostback, text } from './line-messages';
import { getClinic } from '../clinic/clinic-repository';

/**
 * A webhook event as the queue keeps it: only what handling needs. A message's own text is never
 * kept: what a patient writes to the clinic's account is answered automatically and not stored,
 * least of all as a clinical record (issue #20).
 */
export interface LineEventPayload {
	type: 'follow' | 'unfollow' | 'postback' | 'message';
	userId: string;
	replyToken?: string;
	postbackData?: string;
	/** The language LINE reports for the user's app, when given; otherwise Japanese. */
	language?: string;
}

/** The job: one event, handled once (the webhook queued it only the first time its id was seen). */
export async function handleLineEvent(db: Db, event: LineEventPayload, origin: string, now: Date, config: LineConfig | null = lineConfig()): Promise<void> {
	if (!config) return;
	if (event.type === 'unfollow') return forgetLineUser(db, event.userId);
	const linked = await db.kysely
		.selectFrom('line_link')
		.innerJoin('patient', 'patient.id', 'line_link.patient_id')
		.select(['line_link.patient_id', 'patient.preferred_locale'])
		.where('line_link.line_user_id', '=', event.userId)
		.executeTakeFirst();
	const locale: Locale = linked?.preferred_locale ?? (event.language === 'en' ? 'en' : 'ja');
	const clinic = await getClinic(db);
	const clinicName = locale === 'ja' ? clinic.name_ja : clinic.name_en;
	let reply: string | null = null;
	if (event.type === 'follow' || (event.type === 'message' && !linked)) {
		// Not linked yet: the greeting with a one-time link to connect from the portal.
		const token = await createConnectToken(db, event.userId, now);
		reply = translate(locale, 'line.greeting', { clinic: clinicName, url: `${link(origin, locale, '/portal/line')}?connect=${token}` });
		if (event.type === 'message') reply += `\n\n${autoReply(locale, clinicName, clinic.phone, origin)}`;
	} else if (event.type === 'message') {
		reply = autoReply(locale, clinicName, clinic.phone, origin);
	} else if (event.type === 'postback') {
		reply = await answerPostback(db, event, linked?.patient_id ?? null, locale, clinic.phone, origin, now);
	}
	if (reply && event.replyToken) {
		const result = await replyLineMessages(config, event.replyToken, [text(reply)]);
		// A reply token lives about a minute and is used once: a failed reply is not retried.
		if (result.outcome !== 'delivered') logger.warn({ err: result.error, type: event.type }, 'LINE reply not delivered');
	}
}

function autoReply(locale: Locale, clinic: string, phone: string, origin: string): string {
	return translate(locale, 'line.autoReply', {
		clinic,
		phone,
		clinicUrl: link(origin, locale, '/clinic'),
		bookUrl: link(origin, locale, '/book'),
		checkUrl: link(origin, locale, '/check')
	});
}

/**
 * "I'll come" / "I need to change" from a reminder. Only the patient the appointment belongs to,
 * by the LINE account linked to them, can answer: a postback naming someone else's appointment
 * (made up, or copied) changes nothing.
 */
async function answerPostback(
	db: Db,
	event: LineEventPayload,
	patientId: string | null,
	locale: Locale,
	phone: string,
	origin: string,
	now: Date
): Promise<string | null> {
	const answer = readReminderPostback(event.postbackData ?? '');
	if (!answer || !patientId) return null;
	const appointment = await findAppointment(db, answer.appointmentId, ['patient_id', 'manage_token_hash']);
	if (!appointment || appointment.patient_id !== patientId) return null;
	const result = await answerReminder(
		db,
		{ appointmentId: answer.appointmentId, choice: answer.choice, via: 'line' },
		{ ...SYSTEM_ACTOR, type: 'patient', id: patientId },
		now
	);
	if (!result.ok) return translate(locale, 'line.answerNotOpen', { phone });
	if (answer.choice === 'come') return translate(locale, 'line.answerCome');
	const tokenFits = answer.manageToken && appointment.manage_token_hash && constantTimeEqual(sha256Hex(answer.manageToken), appointment.manage_token_hash);
	const url = tokenFits
		? `${link(origin, locale, `/booking/${answer.manageToken}`)}?step=move`
		: link(origin, locale, `/portal/appointments/${answer.appointmentId}`);
	return translate(locale, 'line.answerChange', { url });
}
