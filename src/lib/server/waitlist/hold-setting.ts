import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';
import { updateClinic, getClinic } from '../clinic/clinic-repository';

export async function readHoldMinutes(db: Db): Promise<number> {
	return (await getClinic(db)).waitlist_hold_minutes;
}

/** How long an offered slot is held for the person offered it (a clinic setting, default 30 minutes). */
export async function setHoldMinutes(db: Db, minutes: number, actor: AuditActor): Promise<void> {
	await withTransaction(db, async (tx) => {
		const before = await readHoldMinutes(tx);
		await updateClinic(tx, { waitlist_hold_minutes: minutes });
		await recordAudit(tx, actor, { action: 'waitlist.hold_setting', entityType: 'clinic', detail: { from: before, to: minutes } });
	});
}
