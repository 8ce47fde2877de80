import type { messagingApi } from '@line/bot-sdk';
import { localizePath, type Locale } from '../../i18n/locales';
import { translate, type MessageKey } from '../../i18n/translate';
import { findAppointment } from '../booking/appointment-repository';
import { manageTokenContext } from '../booking/booking-mail-jobs';
import { manageUrl } from '../booking/manage-url';
import type { Db } from '../db/database';
import { openLinkPath, type LineNotice } from './line-notice';
import { instantFormat } from '../../format';
import { getClinic } from '../clinic/clinic-repository';

/** The postback a reminder's buttons send back: the answer and the appointment, and the manage token when known. */
export interface ReminderPostback {
	choice: 'come' | 'change';
	appointmentId: string;
	manageToken: string | null;
}

export function reminderPostbackData(answer: ReminderPostback): string {
	const data = new URLSearchParams({ answer: answer.choice, id: answer.appointmentId });
	if (answer.manageToken) data.set('m', answer.manageToken);
	return data.toString();
}

export function readReminderPostback(data: string): ReminderPostback | null {
	const params = new URLSearchParams(data);
	const choice = params.get('answer');
	const appointmentId = params.get('id');
	if ((choice !== 'come' && choice !== 'change') || !appointmentId) return null;
	return { choice, appointmentId, manageToken: params.get('m') };
}

/**
 * The LINE messages for a notice, in the patient's language, or null when there is nothing to
 * send any more (the visit was cancelled or moved into the past). Only times, the clinic's name and
 * links: the service, the practitioner and anything clinical stay out (issue #20).
 */
export async function lineMessagesFor(db: Db, notice: LineNotice, patientId: string, locale: Locale, origin: string): Promise<messagingApi.Message[] | null> {
	const clinic = await getClinic(db);
	const clinicName = locale === 'ja' ? clinic.name_ja : clinic.name_en;
	if (notice.kind === 'aftercare') {
		return [text(translate(locale, 'line.aftercareText', { clinic: clinicName, url: link(origin, locale, '/portal/progress') }))];
	}
	if (notice.kind === 'link') {
		const title = translate(locale, notice.titleKey as MessageKey);
		return [text(translate(locale, 'line.linkText', { clinic: clinicName, title, url: link(origin, locale, openLinkPath(db.secrets, notice)) }))];
	}
	const appointment = await findAppointment(db, notice.appointmentId, ['id', 'patient_id', 'starts_at', 'status', 'locale']);
	if (!appointment || appointment.patient_id !== patientId || appointment.status !== 'booked') return null;
	const visitLocale: Locale = appointment.locale ?? locale;
	const visitClinic = visitLocale === 'ja' ? clinic.name_ja : clinic.name_en;
	const when = instantFormat(visitLocale, clinic.time_zone, { dateStyle: 'full', timeStyle: 'short' }).format(new Date(appointment.starts_at));
	const manageToken = notice.manageToken ? db.secrets.open(notice.manageToken, manageTokenContext(appointment.id)) : null;
	if (notice.kind === 'booking_confirmation') {
		const url = manageToken ? manageUrl(origin, visitLocale, manageToken) : link(origin, visitLocale, `/portal/appointments/${appointment.id}`);
		return [text(translate(visitLocale, 'line.confirmationText', { clinic: visitClinic, when, url }))];
	}
	const answer = (choice: 'come' | 'change'): messagingApi.PostbackAction => ({
		type: 'postback',
		label: translate(visitLocale, choice === 'come' ? 'line.buttonCome' : 'line.buttonChange'),
		data: reminderPostbackData({ choice, appointmentId: appointment.id, manageToken }),
		displayText: translate(visitLocale, choice === 'come' ? 'line.buttonCome' : 'line.buttonChange')
	});
	const reminder: messagingApi.TemplateMessage = {
		type: 'template',
		altText: translate(visitLocale, 'line.reminderAlt', { clinic: visitClinic, when }),
		template: {
			type: 'confirm',
			text: translate(visitLocale, 'line.reminderText', { clinic: visitClinic, when }),
			actions: [answer('come'), answer('change')]
		} satisfies messagingApi.ConfirmTemplate
	};
	return [reminder];
}

export function text(value: string): messagingApi.TextMessage {
	return { type: 'text', text: value };
}

export function link(origin: string, locale: Locale, path: string): string {
	return new URL(localizePath(path, locale), origin).toString();
}
