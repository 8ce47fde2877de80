import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import type { SideEffectKind, SideEffectSeverity } from './schemas';

export interface SideEffectReport {
	id: string;
	patientId: string;
	patientNumber: string | null;
	familyName: string;
	givenName: string;
	appointmentId: string | null;
	createdAt: string;
	kind: SideEffectKind;
	severity: SideEffectSeverity;
	description: string;
	handledAt: string | null;
	handledByName: string | null;
}

export interface SideEffectFilter {
	openOnly?: boolean;
	patientId?: string;
	limit?: number;
}

/** Reports, open ones first and newest first within each group; the read is audited. */
export async function listSideEffects(db: Db, filter: SideEffectFilter, actor: AuditActor): Promise<SideEffectReport[]> {
	let query = db.kysely
		.selectFrom('side_effect_report as r')
		.innerJoin('patient as p', 'p.id', 'r.patient_id')
		.leftJoin('staff as s', 's.id', 'r.handled_by')
		.select([
			'r.id',
			'r.patient_id',
			'p.patient_number',
			'p.family_name',
			'p.given_name',
			'r.appointment_id',
			'r.created_at',
			'r.kind',
			'r.severity',
			'r.description',
			'r.handled_at',
			's.display_name as handled_by_name'
		]);
	if (filter.openOnly) query = query.where('r.handled_at', 'is', null);
	if (filter.patientId) query = query.where('r.patient_id', '=', filter.patientId);
	const rows = await query
		.orderBy((eb) => eb.case().when('r.handled_at', 'is', null).then(0).else(1).end())
		.orderBy('r.created_at', 'desc')
		.limit(filter.limit ?? 200)
		.execute();
	await recordAudit(db, actor, {
		action: 'side_effect.list',
		entityType: filter.patientId ? 'patient' : 'side_effect_report',
		entityId: filter.patientId,
		patientId: filter.patientId,
		detail: { openOnly: filter.openOnly === true, count: rows.length }
	});
	return rows.map((r) => ({
		id: r.id,
		patientId: r.patient_id,
		patientNumber: r.patient_number,
		familyName: r.family_name,
		givenName: r.given_name,
		appointmentId: r.appointment_id,
		createdAt: r.created_at,
		kind: r.kind as SideEffectKind,
		severity: r.severity as SideEffectSeverity,
		description: r.description,
		handledAt: r.handled_at,
		handledByName: r.handled_by_name
	}));
}
