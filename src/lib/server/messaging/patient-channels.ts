import { routeMessage, type ChannelRoute, type NotificationChannels } from '../../domain/messaging/channels';
import type { Db } from '../db/database';
import { lineConfig, type LineConfig } from '../line/line-config';
import { findPatientContact } from '../patients/patient-repository';

export interface PatientChannels extends ChannelRoute {
	lineUserId: string | null;
	choice: NotificationChannels | null;
	locale: 'ja' | 'en';
}

/** How a message reaches this patient now: their LINE link and choice, and whether they have an address. */
export async function patientChannels(db: Db, patientId: string, line: LineConfig | null = lineConfig()): Promise<PatientChannels | null> {
	const row = await findPatientContact(db, patientId);
	if (!row) return null;
	const choice = row.line_user_id ? (row.channels ?? 'both') : null;
	const route = routeMessage({ lineChoice: choice, lineEnabled: line !== null, hasEmail: row.email.trim() !== '' });
	return { ...route, lineUserId: route.line ? row.line_user_id : null, choice, locale: row.preferred_locale };
}
