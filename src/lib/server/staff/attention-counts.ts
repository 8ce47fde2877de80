import { needlesMissing, type NeedleProblem } from '../../domain/clinical/needle-account';
import type { Db } from '../db/database';
import { countUnacknowledgedRedFlags } from '../intake/intake-repository';
import type { StaffRole } from '../db/schema';
import { countFailedMail } from '../mail/failed-mail';
import { listUnaccountedSessions } from '../treatment-session/needle-account';
import { countUnhandledSideEffects } from '../side-effects/side-effect-repository';

/** A session whose needles are not accounted for, as the banner lists it (docs/clinical-rules.md §3). */
export interface OpenNeedleSession {
	sessionId: string;
	patientId: string;
	/** The visit the session belongs to, if any: the desk's page for it says why it cannot be charged. */
	appointmentId: string | null;
	patientNumber: string | null;
	familyName: string;
	givenName: string;
	needlesIn: number;
	needlesOut: number;
	missing: number;
	problem: NeedleProblem;
}

/** What needs a staff member's attention now: the console banner shows these on every page. */
export interface AttentionCounts {
	/** Intakes that reported an emergency or urgent red flag nobody has acknowledged yet. */
	redFlags: number;
	/** Side-effect reports from patients not yet handled (clinical roles only). */
	sideEffects: number;
	/** Mail (alerts included) that gave up after every retry (the owner only, who reads the outbox). */
	failedMail: number;
	/** Every open session with needles unaccounted for, for every role: the desk must not charge it either. */
	openNeedles: OpenNeedleSession[];
}

export async function attentionCounts(db: Db, role: StaffRole): Promise<AttentionCounts> {
	const redFlags = await countUnacknowledgedRedFlags(db);
	const sideEffects = role === 'reception' ? 0 : await countUnhandledSideEffects(db);
	const openNeedles = (await listUnaccountedSessions(db)).map((s) => ({
		sessionId: s.sessionId,
		patientId: s.patientId,
		appointmentId: s.appointmentId,
		patientNumber: s.patientNumber,
		familyName: s.familyName,
		givenName: s.givenName,
		needlesIn: s.needlesIn,
		needlesOut: s.needlesOut,
		missing: needlesMissing(s),
		problem: s.problem!
	}));
	const failedMail = role === 'owner' ? await countFailedMail(db) : 0;
	return { redFlags, sideEffects, failedMail, openNeedles };
}
