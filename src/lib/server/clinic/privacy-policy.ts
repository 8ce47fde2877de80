import { STAFF_ROLE_LABELS } from '../../labels/staff-role-labels';
import type { StaffRole } from '$lib/server/db/schema';
import type { PlaceholderValues } from '../../content/placeholders';
import type { Locale } from '../../i18n/locales';
import { translate } from '../../i18n/translate';
import type { Db } from '../db/database';
import { BOOKING_LINK_TTL_MS, SIGN_IN_LINK_TTL_MS } from '../portal/magic-link';
import { PATIENT_IDLE_TIMEOUT_MS } from '../portal/patient-session';
import { isTotpRequired, STAFF_ROLES } from '../staff/staff-repository';
import { findClinic } from './clinic-repository';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * What the privacy page says that belongs to this clinic, from its settings: its name, the business
 * operator the APPI requires it to name (name, representative for a company, and address; the
 * clinic's own when the owner left them empty), and how staff and patients really sign in: staff
 * with a password and a TOTP code, in the roles the sign-in itself requires it of (the same
 * `isTotpRequired`, so the page cannot drift from the rule), patients with a single-use link by
 * e-mail (auth/sign-in.ts, portal/magic-link.ts).
 */
export async function privacyPolicyValues(db: Db, locale: Locale): Promise<PlaceholderValues> {
	const clinic = await findClinic(db);
	const ja = locale === 'ja';
	const clinicName = (ja ? clinic?.name_ja : clinic?.name_en) ?? '';
	const clinicAddress = [clinic?.postal_code ? `〒${clinic.postal_code}` : '', (ja ? clinic?.address_ja : clinic?.address_en) ?? ''].filter(Boolean).join(' ');
	const own = (value: string | undefined, fallback: string) => (value && value.trim() !== '' ? value.trim() : fallback);
	return {
		clinicName,
		operatorName: own(ja ? clinic?.operator_name_ja : clinic?.operator_name_en, clinicName),
		representative: own(ja ? clinic?.representative_ja : clinic?.representative_en, ''),
		operatorAddress: own(ja ? clinic?.operator_address_ja : clinic?.operator_address_en, clinicAddress),
		staffSignIn: await staffSignIn(db, locale),
		patientSignIn: translate(locale, 'privacy.patientSignIn', {
			minutes: SIGN_IN_LINK_TTL_MS / MINUTE,
			days: BOOKING_LINK_TTL_MS / DAY,
			idle: PATIENT_IDLE_TIMEOUT_MS / MINUTE
		})
	};
}

/** "Staff sign in in two steps", or the roles that must when the rule spares some. */
async function staffSignIn(db: Db, locale: Locale): Promise<string> {
	const required: StaffRole[] = [];
	for (const role of STAFF_ROLES) if (await isTotpRequired(db, { role })) required.push(role);
	if (required.length === STAFF_ROLES.length) return translate(locale, 'privacy.staffSignInAll');
	const roles = required.map((role) => translate(locale, STAFF_ROLE_LABELS[role])).join(locale === 'ja' ? '・' : ', ');
	return translate(locale, 'privacy.staffSignInSome', { roles });
}
