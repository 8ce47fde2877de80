import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { CONSENT_VALIDITY_RULES, type ConsentValidityRule } from '../../domain/billing/doctor-consent-validity';
import { isCalendarDate } from '../../domain/time';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';
import { loadJukyoConsentRules } from './fee-versions';
import { findStaffRole } from '../staff/staff-repository';

/*
 * The consent-validity rule as dated versions (docs/jukyo-claim.md §4): the owner adds the next one
 * from the console when the notice is revised; a version is never changed. A consent period follows
 * the version in force on the day it starts (domain/billing/doctor-consent-validity.ts).
 */

/** The stored versions, or the built-in ones where a database has none (never after migration 0038). */
export async function consentRulesInForce(db: Db): Promise<readonly ConsentValidityRule[]> {
	const rules = await loadJukyoConsentRules(db);
	return rules.length > 0 ? rules : CONSENT_VALIDITY_RULES;
}

const whole = (min: number, max: number, key: string) =>
	z.preprocess((v) => (typeof v === 'string' ? v.normalize('NFKC').trim() : v), z.coerce.number(key).int(key).min(min, key).max(max, key));

export const ZAddConsentRuleSchema = z
	.object({
		effectiveFrom: z.string('jukyoReport.rules.error.date').refine(isCalendarDate, 'jukyoReport.rules.error.date'),
		earlyUntilDay: whole(1, 30, 'jukyoReport.rules.error.day'),
		monthsAfterIfEarly: whole(0, 24, 'jukyoReport.rules.error.months'),
		monthsAfterIfLate: whole(0, 24, 'jukyoReport.rules.error.months'),
		source: z.string('jukyoReport.rules.error.source').trim().min(1, 'jukyoReport.rules.error.source').max(200, 'jukyoReport.rules.error.source')
	})
	.refine((rule) => rule.monthsAfterIfLate >= rule.monthsAfterIfEarly, { path: ['monthsAfterIfLate'], message: 'jukyoReport.rules.error.order' });

export type AddConsentRuleResult =
	{ ok: true; id: string; rule: ConsentValidityRule } | { ok: false; code: 'invalid'; fields: Record<string, string> } | { ok: false; code: 'forbidden' };

/** Adds a consent-validity version; only an owner, never over an existing start day. Audited. */
export async function addJukyoConsentRule(
	db: Db,
	input: Record<string, unknown>,
	actor: AuditActor,
	options: { now?: Date } = {}
): Promise<AddConsentRuleResult> {
	if (actor.type !== 'staff' || !actor.id) return { ok: false, code: 'forbidden' };
	const staffId = actor.id;
	const parsed = ZAddConsentRuleSchema.safeParse(input);
	if (!parsed.success) {
		const fields: Record<string, string> = {};
		for (const issue of parsed.error.issues) {
			const field = issue.path.length > 0 ? String(issue.path[0]) : '_';
			fields[field] ??= issue.message.startsWith('jukyoReport.') ? issue.message : 'jukyoReport.rules.error.months';
		}
		return { ok: false, code: 'invalid', fields };
	}
	const rule = parsed.data;
	const now = options.now ?? db.clock.now();
	return withTransaction(db, async (tx) => {
		const staff = await findStaffRole(tx, staffId);
		if (staff?.role !== 'owner') return { ok: false, code: 'forbidden' } as const;
		const taken = await tx.kysely.selectFrom('jukyo_consent_rule').select('id').where('effective_from', '=', rule.effectiveFrom).executeTakeFirst();
		if (taken) return { ok: false, code: 'invalid', fields: { effectiveFrom: 'jukyoReport.rules.error.taken' } } as const;
		const id = randomUUID();
		await tx.kysely
			.insertInto('jukyo_consent_rule')
			.values({
				id,
				effective_from: rule.effectiveFrom,
				early_until_day: rule.earlyUntilDay,
				months_after_if_early: rule.monthsAfterIfEarly,
				months_after_if_late: rule.monthsAfterIfLate,
				source: rule.source,
				created_at: now.toISOString(),
				created_by: staffId
			})
			.execute();
		await recordAudit(tx, actor, { action: 'jukyo_consent_rule.add', entityType: 'jukyo_consent_rule', entityId: id, detail: { ...rule } });
		return { ok: true, id, rule } as const;
	});
}
