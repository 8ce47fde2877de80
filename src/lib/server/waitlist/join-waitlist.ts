import { randomUUID } from 'node:crypto';
import { localDate } from '../../domain/time';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import { recordBookingPrivacyConsent } from '../consent/record-booking-consent';
import { randomToken, sha256Hex } from '../crypto';
import type { Db } from '../db/database';
import { activePractitionerOffers, findService } from '../scheduling-settings/settings-repository';
import { withTransaction } from '../db/transaction';
import { enqueueJob } from '../jobs/queue';
import { findOrCreatePatient } from '../patients/find-or-create-patient';
import { JOINED_MAIL_JOB } from './jobs';
import type { TJoinWaitlist } from './schemas';
import { waitlistTokenContext } from './tokens';
import { insertWaitlistEntry } from './waitlist-repository';
import { getClinic } from '../clinic/clinic-repository';

export type JoinWaitlistResult =
	{ ok: true; entryId: string; manageToken: string; locale: 'ja' | 'en' } | { ok: false; code: 'service_not_found' | 'practitioner_not_found' | 'range_past' };

/**
 * A patient joins the waiting list (from `/book`, the API, or by the desk). The manage token is
 * mailed to them and returned once; only its SHA-256 is kept, like a booking's manage token.
 */
export async function joinWaitlist(
	db: Db,
	input: TJoinWaitlist,
	actor: AuditActor,
	source: 'online' | 'desk' = 'online',
	now = db.clock.now().getTime()
): Promise<JoinWaitlistResult> {
	return withTransaction(db, async (tx) => {
		const service = await findService(tx, input.serviceId);
		// Online, only what can be booked online; the desk may add anyone for any main treatment.
		if (!service || service.is_add_on || (source === 'online' && !service.bookable_online)) return { ok: false, code: 'service_not_found' } as const;
		if (input.practitionerId) {
			if (!(await activePractitionerOffers(tx, input.practitionerId, service.id))) return { ok: false, code: 'practitioner_not_found' } as const;
		}
		const { time_zone: timeZone } = await getClinic(tx);
		if (input.to < localDate(now, timeZone)) return { ok: false, code: 'range_past' } as const;

		const { id: patientId } = await findOrCreatePatient(tx, input.patient, input.locale);
		await recordBookingPrivacyConsent(
			tx,
			{ patientId, signedName: `${input.patient.familyName} ${input.patient.givenName}`, ip: actor.ip, userAgent: null },
			actor,
			new Date(now)
		);
		const manageToken = randomToken();
		const entryId = randomUUID();
		await insertWaitlistEntry(tx, {
			id: entryId,
			patient_id: patientId,
			service_id: service.id,
			practitioner_id: input.practitionerId ?? null,
			date_from: input.from,
			date_to: input.to,
			times: JSON.stringify(input.times ?? []),
			locale: input.locale,
			status: 'waiting',
			source,
			manage_token_hash: sha256Hex(manageToken),
			appointment_id: null,
			created_at: new Date(now).toISOString(),
			closed_at: null
		});
		await recordAudit(tx, actor, {
			action: 'waitlist.join',
			entityType: 'waitlist_entry',
			entityId: entryId,
			patientId,
			detail: { source, serviceId: service.id, practitionerId: input.practitionerId ?? null, from: input.from, to: input.to }
		});
		await enqueueJob(tx, JOINED_MAIL_JOB, { entryId, token: tx.secrets.seal(manageToken, waitlistTokenContext('entry', entryId)) }, undefined, new Date(now));
		return { ok: true, entryId, manageToken, locale: input.locale } as const;
	});
}
