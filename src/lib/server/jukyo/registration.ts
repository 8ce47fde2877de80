import {
	emptyRegistration,
	insurerKindOf,
	missingForClaim,
	type InsurerKind,
	type JukyoRegistration,
	type MissingForClaim
} from '../../domain/jukyo/registration';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import { insurersOfLiveInsuredCharges } from '../billing/billing-repository';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';
import { insertJukyoRegistration, updateJukyoRegistration } from './jukyo-repository';
import { parseRegistration, ZStoredRegistration, type JukyoFieldCodes } from './schemas';
import { findStaffRole } from '../staff/staff-repository';
import { findPractitionerLicencesByIds, listPractitionerIds } from '../scheduling-settings/settings-repository';
import { getClinic } from '../clinic/clinic-repository';

/*
 * The clinic's 受領委任 registration (issue #19, docs/jukyo-inin.md §1–§5). The claim form generator
 * reads it through `loadJukyoRegistration` (with the practitioners' names and licence numbers) and
 * checks it with `missingForClaim`.
 */

export interface RegisteredPractitioner {
	id: string;
	nameJa: string;
	nameEn: string;
	/** はり師 and きゅう師 licence numbers, as on the practitioner's record. */
	hariLicence: string | null;
	kyuLicence: string | null;
}

export interface LoadedRegistration {
	registration: JukyoRegistration;
	/** The practitioners named in the registration (施術者 and 施術管理者), by id. */
	practitioners: RegisteredPractitioner[];
	updatedAt: string | null;
}

async function clinicId(db: Db): Promise<string> {
	return (await getClinic(db)).id;
}

/** The registration as stored (empty when the owner has not saved one), with its practitioners. */
export async function loadJukyoRegistration(db: Db): Promise<LoadedRegistration> {
	const row = await db.kysely
		.selectFrom('jukyo_registration')
		.select(['document', 'updated_at'])
		.where('clinic_id', '=', await clinicId(db))
		.executeTakeFirst();
	const parsed = row ? ZStoredRegistration.safeParse(JSON.parse(row.document)) : null;
	const registration = parsed?.success ? parsed.data : emptyRegistration();
	const ids = [...new Set([...registration.practitionerIds, ...registration.managers.flatMap((m) => (m.practitionerId ? [m.practitionerId] : []))])];
	return { registration, practitioners: await practitionersByIds(db, ids), updatedAt: row?.updated_at ?? null };
}

async function practitionersByIds(db: Db, ids: readonly string[]): Promise<RegisteredPractitioner[]> {
	if (ids.length === 0) return [];
	const rows = await findPractitionerLicencesByIds(db, ids);
	return rows.map((r) => ({
		id: r.id,
		nameJa: `${r.family_name_ja} ${r.given_name_ja}`,
		nameEn: `${r.given_name_en} ${r.family_name_en}`,
		hariLicence: r.hari_licence,
		kyuLicence: r.kyu_licence
	}));
}

/** Every practitioner of the clinic, for the settings form's choices. */
export async function listClinicPractitioners(db: Db): Promise<RegisteredPractitioner[]> {
	const ids = (await listPractitionerIds(db)).map((r) => r.id);
	return practitionersByIds(db, ids);
}

export type SaveRegistrationResult =
	{ ok: true; registration: JukyoRegistration; changed: boolean } | { ok: false; code: 'invalid'; fields: JukyoFieldCodes } | { ok: false; code: 'forbidden' };

/**
 * The owner saves the registration. A 施術者 must hold a はり師 or きゅう師 licence, and the はりきゅう
 * 施術管理者 both (docs/jukyo-inin.md §4); licence numbers come from the practitioner records.
 */
export async function saveJukyoRegistration(db: Db, input: Record<string, unknown>, actor: AuditActor, now = db.clock.now()): Promise<SaveRegistrationResult> {
	if (actor.type !== 'staff' || !actor.id) return { ok: false, code: 'forbidden' };
	const staffId = actor.id;
	const parsed = parseRegistration(input);
	if (!parsed.ok) return { ok: false, code: 'invalid', fields: parsed.fields };
	const registration = parsed.registration;
	return withTransaction(db, async (tx): Promise<SaveRegistrationResult> => {
		const staff = await findStaffRole(tx, staffId);
		if (staff?.role !== 'owner') return { ok: false, code: 'forbidden' };
		const ids = [...new Set([...registration.practitionerIds, ...registration.managers.flatMap((m) => (m.practitionerId ? [m.practitionerId] : []))])];
		const known = new Map((await practitionersByIds(tx, ids)).map((p) => [p.id, p]));
		const fields: JukyoFieldCodes = {};
		if (registration.practitionerIds.some((id) => !known.has(id))) fields.practitionerIds = 'jukyoRegistration.error.practitioner';
		else if (registration.practitionerIds.some((id) => !known.get(id)!.hariLicence && !known.get(id)!.kyuLicence))
			fields.practitionerIds = 'jukyoRegistration.error.practitionerLicence';
		for (const manager of registration.managers) {
			if (manager.practitionerId === null) continue;
			const field = manager.licence === 'harikyu' ? 'harikyuManagerId' : 'massageManagerId';
			const p = known.get(manager.practitionerId);
			if (!p) fields[field] = 'jukyoRegistration.error.practitioner';
			else if (manager.licence === 'harikyu' && (!p.hariLicence || !p.kyuLicence)) fields[field] = 'jukyoRegistration.error.managerLicence';
		}
		if (Object.keys(fields).length > 0) return { ok: false, code: 'invalid', fields };

		const clinic = await clinicId(tx);
		const document = JSON.stringify(registration);
		const current = await tx.kysely.selectFrom('jukyo_registration').select('document').where('clinic_id', '=', clinic).executeTakeFirst();
		if (current?.document === document) return { ok: true, registration, changed: false };
		const at = now.toISOString();
		if (current) await updateJukyoRegistration(tx, clinic, { document, updated_at: at, updated_by: staffId });
		else await insertJukyoRegistration(tx, { clinic_id: clinic, document, updated_at: at, updated_by: staffId });
		// The account and numbers are the clinic's, not a patient's: the audit keeps which parts changed.
		const before = current ? (JSON.parse(current.document) as Record<string, unknown>) : {};
		const changedParts = Object.keys(registration).filter(
			(key) => JSON.stringify(before[key]) !== JSON.stringify((registration as unknown as Record<string, unknown>)[key])
		);
		await recordAudit(tx, actor, { action: 'jukyo_registration.save', entityType: 'clinic', entityId: clinic, detail: { changed: changedParts } });
		return { ok: true, registration, changed: true };
	});
}

/**
 * What the claims of `month` still need from the registration, for the claims page and the claim
 * form generator: the insurer kinds are those of the month's insured charges.
 */
export async function claimReadiness(db: Db, month: string): Promise<MissingForClaim & { registration: JukyoRegistration }> {
	const { registration } = await loadJukyoRegistration(db);
	const cards = await insurersOfLiveInsuredCharges(db, { from: `${month}-01`, through: `${month}-31` });
	const insurerKinds = [...new Set(cards.map((r) => insurerKindOf(r.cardInsurer ?? r.patientInsurer)).filter((k): k is InsurerKind => k !== null))];
	return { ...missingForClaim(registration, month, { insurerKinds }), registration };
}
