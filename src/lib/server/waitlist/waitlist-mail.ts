import { personName } from '../../domain/patients/person-name';
import { translate } from '../../i18n/translate';
import type { Db } from '../db/database';
import type { Mailer } from '../mail/mailer';
import { sealedLinkNotice } from '../line/line-notice';
import { notifyPatient } from '../messaging/notify-patient';
import { expireOffer } from './answer-offer';
import { EXPIRE_OFFER_JOB, JOINED_MAIL_JOB, OFFER_MAIL_JOB, OFFER_SLOT_JOB } from './jobs';
import { offerFreedSlot } from './offer-freed-slot';
import { waitlistManageUrl, waitlistOfferUrl, waitlistTokenContext } from './tokens';
import { instantFormat } from '../../format';
import { getClinic } from '../clinic/clinic-repository';

interface Context {
	db: Db;
	mailer: Mailer;
	origin: string;
}

type Handler = (context: Context, payload: Record<string, string>, now: Date) => Promise<void>;

/** The waiting list's jobs, for the worker's table of handlers. */
export const WAITLIST_JOB_HANDLERS: Record<string, Handler> = {
	[OFFER_SLOT_JOB]: async (context, payload, now) =>
		void (await offerFreedSlot(
			context.db,
			payload.practitionerId!,
			Date.parse(payload.start!),
			now.getTime(),
			payload.until ? Date.parse(payload.until) : undefined
		)),
	[EXPIRE_OFFER_JOB]: async (context, payload, now) => void (await expireOffer(context.db, payload.offerId!, now.getTime())),
	[OFFER_MAIL_JOB]: sendOfferMail,
	[JOINED_MAIL_JOB]: sendJoinedMail
};

function formatWhen(locale: 'ja' | 'en', timeZone: string, iso: string): string {
	return instantFormat(locale, timeZone, { dateStyle: 'full', timeStyle: 'short' }).format(new Date(iso));
}

async function deliver(context: Context, mail: Parameters<Mailer['send']>[1]): Promise<void> {
	const result = await context.mailer.send(context.db, mail);
	// Without SMTP the mail waits in the outbox; with SMTP a failed delivery is retried later.
	if (context.mailer.canDeliver && !result.delivered) throw new Error(result.error ?? 'delivery failed');
}

/** "A time has come free": the slot, how long it is held, and the link to the page that books it. */
async function sendOfferMail(context: Context, payload: Record<string, string>): Promise<void> {
	const offerId = payload.offerId!;
	const row = await context.db.kysely
		.selectFrom('waitlist_offer as o')
		.innerJoin('waitlist_entry as e', 'e.id', 'o.entry_id')
		.innerJoin('patient as p', 'p.id', 'e.patient_id')
		.innerJoin('service', 'service.id', 'e.service_id')
		.innerJoin('practitioner as pr', 'pr.id', 'o.practitioner_id')
		.select([
			'o.status',
			'o.starts_at',
			'o.expires_at',
			'e.locale',
			'e.patient_id',
			'p.email',
			'p.family_name',
			'p.given_name',
			'service.name_ja',
			'service.name_en',
			'pr.family_name_ja',
			'pr.given_name_ja',
			'pr.family_name_en',
			'pr.given_name_en'
		])
		.where('o.id', '=', offerId)
		.executeTakeFirst();
	// Answered or expired before the mail went out: nothing to send.
	if (!row || row.status !== 'offered') return;
	const clinic = await getClinic(context.db);
	const locale = row.locale;
	const ja = locale === 'ja';
	const token = context.db.secrets.open(payload.token!, waitlistTokenContext('offer', offerId));
	const params = {
		name: personName({ familyName: row.family_name, givenName: row.given_name }, locale),
		clinic: ja ? clinic.name_ja : clinic.name_en,
		when: formatWhen(locale, clinic.time_zone, row.starts_at),
		until: formatWhen(locale, clinic.time_zone, row.expires_at),
		service: ja ? row.name_ja : row.name_en,
		practitioner: ja ? `${row.family_name_ja} ${row.given_name_ja}` : `${row.given_name_en} ${row.family_name_en}`,
		url: waitlistOfferUrl(context.origin, locale, token),
		phone: clinic.phone
	};
	// By the patient's channels (issue #20): the mail, and on LINE a title and the link, nothing more.
	await notifyPatient(context.db, row.patient_id, {
		mail: {
			to: row.email,
			kind: 'waitlist.offer',
			subject: translate(locale, 'waitlist.mailOfferSubject', params),
			text: translate(locale, 'waitlist.mailOfferBody', params)
		},
		line: sealedLinkNotice(context.db.secrets, 'waitlist.lineOfferTitle', `/waitlist/offer/${token}`)
	});
}

/** "You are on the waiting list", with the link to see or leave it. */
async function sendJoinedMail(context: Context, payload: Record<string, string>): Promise<void> {
	const entryId = payload.entryId!;
	const row = await context.db.kysely
		.selectFrom('waitlist_entry as e')
		.innerJoin('patient as p', 'p.id', 'e.patient_id')
		.innerJoin('service', 'service.id', 'e.service_id')
		.select(['e.status', 'e.locale', 'e.date_from', 'e.date_to', 'p.email', 'p.family_name', 'p.given_name', 'service.name_ja', 'service.name_en'])
		.where('e.id', '=', entryId)
		.executeTakeFirst();
	if (!row || row.status !== 'waiting' || !row.email) return;
	const clinic = await getClinic(context.db);
	const locale = row.locale;
	const token = context.db.secrets.open(payload.token!, waitlistTokenContext('entry', entryId));
	const params = {
		name: personName({ familyName: row.family_name, givenName: row.given_name }, locale),
		clinic: locale === 'ja' ? clinic.name_ja : clinic.name_en,
		service: locale === 'ja' ? row.name_ja : row.name_en,
		from: row.date_from,
		to: row.date_to,
		url: waitlistManageUrl(context.origin, locale, token),
		phone: clinic.phone
	};
	await deliver(context, {
		to: row.email,
		kind: 'waitlist.joined',
		subject: translate(locale, 'waitlist.mailJoinedSubject', params),
		text: translate(locale, 'waitlist.mailJoinedBody', params)
	});
}
