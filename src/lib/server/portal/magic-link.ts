import { localizePath, type Locale } from '../../i18n/locales';
import { translate } from '../../i18n/translate';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import { findClinic } from '../clinic/clinic-repository';
import { randomToken, sha256Hex } from '../crypto';
import type { Db } from '../db/database';
import type { Mailer } from '../mail/mailer';
import { findLivePatientsByEmail } from '../patients/patient-repository';

/*
 * The portal's way in (issue #6): a link by e-mail instead of a password. The token is random and
 * only its SHA-256 is stored; a link works once, and only until it expires.
 */

/** A link asked for on the sign-in page: long enough to open the mail, short if the mailbox leaks. */
export const SIGN_IN_LINK_TTL_MS = 15 * 60_000;
/** The link in a booking confirmation: the patient prepares for the visit in the days before it. */
export const BOOKING_LINK_TTL_MS = 7 * 24 * 60 * 60_000;
/** Unused sign-in links a patient may hold at once; more requests send nothing (a mailbox flood guard). */
export const MAX_LIVE_SIGN_IN_LINKS = 3;
/** Tokens are 32 base32 characters; anything much longer is not worth hashing. */
const MAX_TOKEN_LENGTH = 128;

export async function createMagicLink(db: Db, patientId: string, ttlMs: number, now = db.clock.now()): Promise<string> {
	const token = randomToken();
	await db.kysely
		.insertInto('patient_magic_link')
		.values({
			id: sha256Hex(token),
			patient_id: patientId,
			created_at: now.toISOString(),
			expires_at: new Date(now.getTime() + ttlMs).toISOString(),
			used_at: null
		})
		.execute();
	return token;
}

/** The portal path a link opens, e.g. `/en/portal/auth/TOKEN?next=/portal/intake`. */
export function magicLinkUrl(origin: string, locale: Locale, token: string, next?: string): string {
	const url = new URL(localizePath(`/portal/auth/${token}`, locale), origin).toString();
	// `next` is one of our own portal paths (letters, digits, '-', '/'), readable as it is in a mail.
	return next ? `${url}?next=${encodeURI(next)}` : url;
}

/** E-mail addresses compare without case or surrounding spaces. */
export function normaliseEmail(email: string): string {
	return email.normalize('NFKC').trim().toLowerCase();
}

/**
 * Mails a sign-in link to every (not merged) patient registered with `email`: a family sharing one
 * address gets one mail per person, each naming whose record its link opens (issue #16), never one
 * mail that opens every record (a mail forwarded or read by one member must not open the others').
 * Says nothing about whether the address is known: the caller shows the same message either way.
 * Returns how many links were sent, for tests.
 */
export async function requestMagicLink(
	db: Db,
	mailer: Mailer,
	email: string,
	locale: Locale,
	origin: string,
	actor: AuditActor,
	now = db.clock.now()
): Promise<{ linksSent: number }> {
	const address = normaliseEmail(email);
	if (!address) return { linksSent: 0 };
	const patients = await findLivePatientsByEmail(db, address, ['id', 'family_name', 'given_name', 'preferred_locale', 'email']);
	if (patients.length === 0) return { linksSent: 0 };
	const clinic = await findClinic(db);
	let linksSent = 0;
	for (const patient of patients) {
		if ((await liveSignInLinks(db, patient.id, now)) >= MAX_LIVE_SIGN_IN_LINKS) continue;
		const mailLocale: Locale = patient.preferred_locale ?? locale;
		const token = await createMagicLink(db, patient.id, SIGN_IN_LINK_TTL_MS, now);
		await recordAudit(db, actor, { action: 'portal.link_requested', entityType: 'patient', entityId: patient.id, patientId: patient.id });
		const name = patient.given_name || patient.family_name;
		const clinicName = clinic ? (mailLocale === 'ja' ? clinic.name_ja : clinic.name_en) : '';
		const link = [
			translate(mailLocale, 'portal.mailLinkFor', { name }),
			magicLinkUrl(origin, mailLocale, token),
			patients.length > 1 ? translate(mailLocale, 'portal.mailLinkOnlyFor', { name }) : ''
		].filter((line) => line !== '');
		await mailer.send(db, {
			to: patient.email.trim(),
			kind: 'portal.sign_in_link',
			subject: translate(mailLocale, 'portal.mailSignInSubjectFor', { clinic: clinicName, name }),
			text: translate(mailLocale, 'portal.mailSignInBody', {
				minutes: SIGN_IN_LINK_TTL_MS / 60_000,
				links: link.join('\n'),
				clinic: clinicName,
				phone: clinic?.phone ?? ''
			})
		});
		linksSent++;
	}
	return { linksSent };
}

/**
 * Sign-in links still waiting to be used. Only links made within one sign-in lifetime count: the
 * week-long link in a booking confirmation must not use up the patient's sign-in requests.
 */
async function liveSignInLinks(db: Db, patientId: string, now: Date): Promise<number> {
	const row = await db.kysely
		.selectFrom('patient_magic_link')
		.select((eb) => eb.fn.countAll<number | string>().as('count'))
		.where('patient_id', '=', patientId)
		.where('used_at', 'is', null)
		.where('expires_at', '>', now.toISOString())
		.where('created_at', '>', new Date(now.getTime() - SIGN_IN_LINK_TTL_MS).toISOString())
		.executeTakeFirstOrThrow();
	return Number(row.count);
}

/** Whether a link would still sign in, without using it up (the page a mail scanner may fetch). */
export async function isMagicLinkLive(db: Db, token: string, now = db.clock.now()): Promise<boolean> {
	if (!token || token.length > MAX_TOKEN_LENGTH) return false;
	const row = await db.kysely
		.selectFrom('patient_magic_link')
		.innerJoin('patient', 'patient.id', 'patient_magic_link.patient_id')
		.select('patient_magic_link.id')
		.where('patient_magic_link.id', '=', sha256Hex(token))
		.where('patient_magic_link.used_at', 'is', null)
		.where('patient_magic_link.expires_at', '>', now.toISOString())
		.where('patient.merged_into_id', 'is', null)
		.executeTakeFirst();
	return row !== undefined;
}

/**
 * Uses a link up and returns its patient's id; null when it is unknown, expired or used. The
 * conditional UPDATE is the lock: of two requests with one link, only one changes the row.
 */
export async function consumeMagicLink(db: Db, token: string, now = db.clock.now()): Promise<string | null> {
	if (!token || token.length > MAX_TOKEN_LENGTH) return null;
	const id = sha256Hex(token);
	const updated = await db.kysely
		.updateTable('patient_magic_link')
		.set({ used_at: now.toISOString() })
		.where('id', '=', id)
		.where('used_at', 'is', null)
		.where('expires_at', '>', now.toISOString())
		.executeTakeFirst();
	if (Number(updated.numUpdatedRows) !== 1) return null;
	const link = await db.kysely
		.selectFrom('patient_magic_link')
		.innerJoin('patient', 'patient.id', 'patient_magic_link.patient_id')
		.select(['patient.id', 'patient.merged_into_id'])
		.where('patient_magic_link.id', '=', id)
		.executeTakeFirst();
	// A record merged since the mail was sent no longer exists for the patient: they ask again.
	return link && link.merged_into_id === null ? link.id : null;
}

/** Deletes links that can no longer sign in (used, or past their expiry); returns how many. */
export async function deleteSpentMagicLinks(db: Db, now = db.clock.now()): Promise<number> {
	const result = await db.kysely
		.deleteFrom('patient_magic_link')
		.where((eb) => eb.or([eb('used_at', 'is not', null), eb('expires_at', '<=', now.toISOString())]))
		.executeTakeFirst();
	return Number(result.numDeletedRows);
}

/** Deletes one patient's sign-in links not used yet (their address changed); joins the caller's transaction. Returns how many. */
export async function deleteUnusedMagicLinksOf(db: Db, patientId: string): Promise<number> {
	const result = await db.kysely.deleteFrom('patient_magic_link').where('patient_id', '=', patientId).where('used_at', 'is', null).executeTakeFirst();
	return Number(result.numDeletedRows);
}
