import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { routeMessage, type ChannelRoute } from '../../domain/messaging/channels';
import { lineConfig, type LineConfig } from '../line/line-config';
import { findLivePatientsForDesk } from '../patients/patient-repository';

export interface PatientMatch {
	id: string;
	familyName: string;
	givenName: string;
	familyNameKana: string;
	givenNameKana: string;
	phone: string;
	dateOfBirth: string | null;
	/** How a desk booking's confirmation reaches them: their chosen channels (issue #22). */
	contact: ChannelRoute;
}

const likeEscaped = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Patients for the desk's booking form, by name, reading or phone. A name may be typed with or
 * without the space between family and given name; a phone number with or without hyphens.
 * Every search is audited like the register's (its kind and length, never the query), and records
 * merged into another never appear: their history lives on the survivor (issue #16).
 */
export async function searchPatients(db: Db, text: string, actor: AuditActor, limit = 10, line: LineConfig | null = lineConfig()): Promise<PatientMatch[]> {
	const q = text.normalize('NFKC').trim();
	if (q.length === 0) return [];
	const digits = q.replace(/[^0-9]/g, '');
	const isPhone = /^[0-9+\-() ]+$/.test(q) && digits.length >= 3;
	const compact = likeEscaped(q.replace(/\s+/g, '').toLowerCase());
	// Hiragana typed at the desk finds the katakana reading the booking form stores.
	const katakana = likeEscaped(q.replace(/\s+/g, '').replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60)));
	const rows = await findLivePatientsForDesk(db, isPhone ? { digits } : { compact, katakana }, limit);
	await recordAudit(db, actor, {
		action: 'patient.search',
		detail: { source: 'schedule', kind: isPhone ? 'phone' : 'name', queryLength: q.length, results: rows.length }
	});
	return rows.map((r) => ({
		id: r.id,
		familyName: r.family_name,
		givenName: r.given_name,
		familyNameKana: r.family_name_kana,
		givenNameKana: r.given_name_kana,
		phone: r.phone,
		dateOfBirth: r.date_of_birth,
		contact: routeMessage({ lineChoice: r.line_user_id ? (r.channels ?? 'both') : null, lineEnabled: line !== null, hasEmail: r.email.trim() !== '' })
	}));
}
