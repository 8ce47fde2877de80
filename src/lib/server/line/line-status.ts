import { HTTPFetchError } from '@line/bot-sdk';
import type { Db } from '../db/database';
import { messagingClient } from './line-client';
import type { LineConfig } from './line-config';

export type LineChannelStatus = { working: true; name: string; quota: number | null; used: number } | { working: false; error: string };

/** Whether the channel answers (its bot info), and this month's quota and use: for the owner (issue #20). */
export async function lineChannelStatus(config: LineConfig): Promise<LineChannelStatus> {
	const client = messagingClient(config);
	try {
		const [bot, quota, consumption] = await Promise.all([client.getBotInfo(), client.getMessageQuota(), client.getMessageQuotaConsumption()]);
		return { working: true, name: bot.displayName, quota: quota.type === 'limited' ? (quota.value ?? null) : null, used: consumption.totalUsage };
	} catch (cause) {
		return { working: false, error: cause instanceof HTTPFetchError ? `HTTP ${cause.status}` : cause instanceof Error ? cause.message.slice(0, 100) : 'error' };
	}
}

export interface LineDeliveryFailureRow {
	failedAt: string;
	kind: string;
	error: string;
	fellBackToMail: boolean;
}

/** The pushes that failed for good, newest first: what failed and what was done, never to whom or what it said. */
export async function listLineDeliveryFailures(db: Db, limit = 50): Promise<LineDeliveryFailureRow[]> {
	const rows = await db.kysely
		.selectFrom('line_delivery_failure')
		.select(['failed_at', 'message_kind', 'error', 'fell_back_to_mail'])
		.orderBy('failed_at', 'desc')
		.limit(limit)
		.execute();
	return rows.map((row) => ({ failedAt: row.failed_at, kind: row.message_kind, error: row.error, fellBackToMail: row.fell_back_to_mail === 1 }));
}

export async function countLineLinks(db: Db): Promise<number> {
	const row = await db.kysely
		.selectFrom('line_link')
		.select((eb) => eb.fn.countAll().as('n'))
		.executeTakeFirstOrThrow();
	return Number(row.n);
}
