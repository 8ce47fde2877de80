import { daysFrom } from '../time';
import { CONSENT_WARNING_DAYS } from './doctor-consent-validity';

/**
 * How long after expiry the desk is still reminded. A patient whose consent ran out months ago
 * has most likely stopped insured treatment; reminding forever would teach staff to ignore the flag.
 */
export const EXPIRED_REMINDER_DAYS = 90;

export interface ConsentWarningFacts {
	signedOn: string;
	createdAt: string;
	expiresOn: string | null;
}

export type ConsentWarning = { status: 'expiring' | 'expired'; expiresOn: string; daysLeft: number };

/**
 * The warning for one patient, judged on the newest consent only: once a renewal is on record
 * (even one whose period has not started yet) the older consent needs no action.
 */
export function consentWarning(consents: readonly ConsentWarningFacts[], today: string, warningDays = CONSENT_WARNING_DAYS): ConsentWarning | null {
	const newest = [...consents].sort((a, b) => b.signedOn.localeCompare(a.signedOn) || b.createdAt.localeCompare(a.createdAt))[0];
	if (!newest || newest.expiresOn === null) return null;
	const daysLeft = daysFrom(today, newest.expiresOn);
	if (daysLeft < -EXPIRED_REMINDER_DAYS || daysLeft > warningDays) return null;
	return { status: daysLeft < 0 ? 'expired' : 'expiring', expiresOn: newest.expiresOn, daysLeft };
}
