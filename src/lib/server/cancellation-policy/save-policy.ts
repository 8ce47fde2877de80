import { randomUUID } from 'node:crypto';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';
import { currentPolicy, insertPolicyVersion, type StoredPolicy } from './policy-repository';
import { policyFieldCodes, ZSavePolicySchema, type PolicyFieldCodes } from './schemas';
import { updateClinic, getClinic } from '../clinic/clinic-repository';

export type SavePolicyResult =
	{ ok: true; policy: StoredPolicy; changed: boolean } | { ok: false; code: 'invalid'; fields: PolicyFieldCodes } | { ok: false; code: 'forbidden' };

/**
 * The owner writes the clinic's cancellation policy. Each change is a new version, so what a
 * patient ticked stays known. The free window is also the clinic's cutoff for moving a visit
 * online, so one number says until when a patient may change their plans freely.
 */
export async function saveCancellationPolicy(db: Db, input: Record<string, unknown>, actor: AuditActor, now = db.clock.now()): Promise<SavePolicyResult> {
	if (actor.type !== 'staff' || !actor.id) return { ok: false, code: 'forbidden' };
	const staffId = actor.id;
	const parsed = ZSavePolicySchema.safeParse(input);
	if (!parsed.success) return { ok: false, code: 'invalid', fields: policyFieldCodes(parsed.error) };
	const data = parsed.data;
	return withTransaction(db, async (tx) => {
		const current = await currentPolicy(tx);
		if (
			current &&
			current.freeUntilHours === data.freeUntilHours &&
			current.lateFeeJpy === data.lateFeeJpy &&
			current.noShowFeeJpy === data.noShowFeeJpy &&
			current.noteJa === data.noteJa &&
			current.noteEn === data.noteEn
		) {
			return { ok: true, policy: current, changed: false } as const;
		}
		const clinic = await getClinic(tx);
		const version = (current?.version ?? 0) + 1;
		const createdAt = now.toISOString();
		await insertPolicyVersion(tx, {
			id: randomUUID(),
			clinic_id: clinic.id,
			version,
			free_until_hours: data.freeUntilHours,
			late_fee_jpy: data.lateFeeJpy,
			no_show_fee_jpy: data.noShowFeeJpy,
			note_ja: data.noteJa,
			note_en: data.noteEn,
			created_at: createdAt,
			created_by: staffId
		});
		await updateClinic(tx, { cancellation_cutoff_hours: data.freeUntilHours }, clinic.id);
		await recordAudit(tx, actor, {
			action: 'cancellation_policy.save',
			entityType: 'cancellation_policy',
			entityId: String(version),
			detail: { version, freeUntilHours: data.freeUntilHours, lateFeeJpy: data.lateFeeJpy, noShowFeeJpy: data.noShowFeeJpy }
		});
		const policy: StoredPolicy = { version, ...data, createdAt };
		return { ok: true, policy, changed: true } as const;
	});
}
