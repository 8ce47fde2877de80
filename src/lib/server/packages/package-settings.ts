import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';
import { replacePackageSettings } from './package-repository';
import { packageFieldCodes, ZPackageSettingsSchema, type PackageFieldCodes } from './schemas';
import { findStaffRole } from '../staff/staff-repository';
import { getClinic } from '../clinic/clinic-repository';

export type SavePackageSettingsResult = { ok: true } | { ok: false; code: 'invalid'; fields: PackageFieldCodes } | { ok: false; code: 'forbidden' };

/**
 * The owner's refund settings (issue #18): the fee asked on cancelling a course and the average
 * damage the clinic documented (消費者契約法 第9条: the fee is capped by it; without it, no fee).
 */
export async function savePackageSettings(
	db: Db,
	input: Record<string, unknown>,
	actor: AuditActor,
	options: { now?: Date } = {}
): Promise<SavePackageSettingsResult> {
	if (actor.type !== 'staff' || !actor.id) return { ok: false, code: 'forbidden' };
	const staff = await findStaffRole(db, actor.id);
	if (staff?.role !== 'owner') return { ok: false, code: 'forbidden' };
	const parsed = ZPackageSettingsSchema.safeParse(input);
	if (!parsed.success) return { ok: false, code: 'invalid', fields: packageFieldCodes(parsed.error) };
	const data = parsed.data;
	const at = (options.now ?? db.clock.now()).toISOString();
	return withTransaction(db, async (tx) => {
		const clinic = await getClinic(tx);
		const values = {
			cancellation_fee_jpy: data.cancellationFeeJpy,
			documented_average_damage_jpy: data.documentedAverageDamageJpy,
			no_show_uses_visit: data.noShowUsesVisit ? 1 : 0,
			updated_at: at,
			updated_by: actor.id
		};
		await replacePackageSettings(tx, { clinic_id: clinic.id, ...values });
		await recordAudit(tx, actor, {
			action: 'package_settings.save',
			entityType: 'clinic',
			entityId: clinic.id,
			detail: {
				cancellationFeeJpy: data.cancellationFeeJpy,
				documentedAverageDamageJpy: data.documentedAverageDamageJpy,
				noShowUsesVisit: data.noShowUsesVisit
			}
		});
		return { ok: true } as const;
	});
}
