import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { listMainServices } from '../scheduling-settings/settings-repository';
import { withTransaction } from '../db/transaction';
import type { TBookingControls, TServiceWindow } from './schemas';
import { updateClinic, getClinic } from '../clinic/clinic-repository';
import { updateServiceRow } from '../scheduling-settings/settings-repository';

export interface BookingControlsView {
	approveNewPatients: boolean;
	maxUpcomingVisits: number;
	services: Array<{ id: string; name: { ja: string; en: string }; minNoticeMinutes: number | null; horizonDays: number | null }>;
	clinicMinNoticeMinutes: number;
	clinicHorizonDays: number;
}

export async function loadBookingControls(db: Db): Promise<BookingControlsView> {
	const [clinic, services] = await Promise.all([getClinic(db), listMainServices(db, { onlineOnly: true })]);
	return {
		approveNewPatients: clinic.approve_new_patients === 1,
		maxUpcomingVisits: clinic.max_upcoming_visits,
		clinicMinNoticeMinutes: clinic.min_notice_minutes,
		clinicHorizonDays: clinic.horizon_days,
		services: services.map((s) => ({ id: s.id, name: { ja: s.name_ja, en: s.name_en }, minNoticeMinutes: s.min_notice_minutes, horizonDays: s.horizon_days }))
	};
}

/** The clinic-wide controls: approval for new patients, and the limit of upcoming visits. Audited. */
export async function updateBookingControls(db: Db, controls: TBookingControls, actor: AuditActor): Promise<void> {
	await withTransaction(db, async (tx) => {
		await updateClinic(tx, { approve_new_patients: controls.approveNewPatients ? 1 : 0, max_upcoming_visits: controls.maxUpcomingVisits });
		await recordAudit(tx, actor, { action: 'booking_controls.changed', entityType: 'clinic', detail: { ...controls } });
	});
}

/** A service's own minimum notice and horizon (null: the clinic's). Audited. */
export async function updateServiceWindow(db: Db, input: TServiceWindow, actor: AuditActor): Promise<{ ok: boolean }> {
	return withTransaction(db, async (tx) => {
		if (!(await updateServiceRow(tx, input.serviceId, { min_notice_minutes: input.minNoticeMinutes, horizon_days: input.horizonDays }))) return { ok: false };
		await recordAudit(tx, actor, {
			action: 'booking_controls.service_window_changed',
			entityType: 'service',
			entityId: input.serviceId,
			detail: { minNoticeMinutes: input.minNoticeMinutes, horizonDays: input.horizonDays }
		});
		return { ok: true };
	});
}
