import { FEE_VERSION_PROBLEM_LABELS } from '../../domain/jukyo-claim/claim-labels';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { ConsentValidityRule } from '../../domain/billing/doctor-consent-validity';
import { isCalendarDate } from '../../domain/time';
import { FEE_ITEM_CODES, feeVersionProblems, scheduleFromVersion, type JukyoFeeSchedule } from '../../domain/jukyo-claim/fees';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';
import { findStaffRole } from '../staff/staff-repository';

/*
 * The dated 療養費 fees and consent rules stored by migration 0038 (docs/jukyo-claim.md §3, §4).
 * Reading needs no audit (no personal data); adding a version is the owner's, and audited.
 */

/** Every fee version, oldest first, as schedules the pure rules take. */
export async function loadJukyoFeeSchedules(db: Db): Promise<JukyoFeeSchedule[]> {
	const versions = await db.kysely.selectFrom('jukyo_fee_version').selectAll().orderBy('effective_from').execute();
	if (versions.length === 0) return [];
	const items = await db.kysely.selectFrom('jukyo_fee_item').selectAll().execute();
	return versions.map((v) =>
		scheduleFromVersion({
			effectiveFrom: v.effective_from,
			shareRounding: v.share_rounding,
			source: v.source,
			items: items.filter((i) => i.version_id === v.id).map((i) => ({ code: i.code, amountJpy: Number(i.amount_jpy) }))
		})
	);
}

/** Every consent-validity rule, oldest first. */
export async function loadJukyoConsentRules(db: Db): Promise<ConsentValidityRule[]> {
	const rows = await db.kysely.selectFrom('jukyo_consent_rule').selectAll().orderBy('effective_from').execute();
	return rows.map((r) => ({
		effectiveFrom: r.effective_from,
		earlyUntilDay: Number(r.early_until_day),
		monthsAfterIfEarly: Number(r.months_after_if_early),
		monthsAfterIfLate: Number(r.months_after_if_late),
		source: r.source
	}));
}

const amount = z.preprocess(
	(v) => (typeof v === 'string' ? v.normalize('NFKC').replaceAll(',', '').trim() : v),
	z.union([
		z.literal('').transform(() => null),
		z.coerce
			.number('jukyoClaim.fees.error.amount')
			.int('jukyoClaim.fees.error.amount')
			.min(0, 'jukyoClaim.fees.error.amount')
			.max(1_000_000, 'jukyoClaim.fees.error.amount')
	])
);

/** The owner's form: a start day, a source, and one field per item code (`item_<code>`, blank: none). */
export const ZAddJukyoFeeVersionSchema = z.object({
	effectiveFrom: z.string('jukyoClaim.fees.error.date').refine(isCalendarDate, 'jukyoClaim.fees.error.date'),
	source: z.string('jukyoClaim.fees.error.source').trim().min(1, 'jukyoClaim.fees.error.source').max(200, 'jukyoClaim.fees.error.source'),
	shareRounding: z.enum(['yen_half_up', 'ten_yen_half_up'], 'jukyoClaim.fees.error.rounding').default('yen_half_up'),
	...Object.fromEntries(FEE_ITEM_CODES.map((code) => [`item_${code}`, amount.optional()]))
});
export type TAddJukyoFeeVersion = z.infer<typeof ZAddJukyoFeeVersionSchema>;

export type AddFeeVersionResult =
	{ ok: true; id: string; schedule: JukyoFeeSchedule } | { ok: false; code: 'invalid'; fields: Record<string, string> } | { ok: false; code: 'forbidden' };

/** Adds a fee version (never changes one); refused for anyone but an owner, and for an incomplete set. */
export async function addJukyoFeeVersion(
	db: Db,
	input: Record<string, unknown>,
	actor: AuditActor,
	options: { now?: Date } = {}
): Promise<AddFeeVersionResult> {
	if (actor.type !== 'staff' || !actor.id) return { ok: false, code: 'forbidden' };
	const staffId = actor.id;
	const parsed = ZAddJukyoFeeVersionSchema.safeParse(input);
	if (!parsed.success) {
		const fields: Record<string, string> = {};
		for (const issue of parsed.error.issues) {
			const field = issue.path.length > 0 ? String(issue.path[0]) : '_';
			fields[field] ??= issue.message.startsWith('jukyoClaim.') ? issue.message : 'jukyoClaim.fees.error.amount';
		}
		return { ok: false, code: 'invalid', fields };
	}
	const data = parsed.data as TAddJukyoFeeVersion & Record<string, number | null | undefined>;
	const items = FEE_ITEM_CODES.flatMap((code) => {
		const value = data[`item_${code}`];
		return typeof value === 'number' ? [{ code, amountJpy: value }] : [];
	});
	const problems = feeVersionProblems(items);
	if (problems.length > 0) {
		const fields: Record<string, string> = {};
		for (const problem of problems) for (const item of problem.items) fields[`item_${item}`] ??= FEE_VERSION_PROBLEM_LABELS[problem.code];
		return { ok: false, code: 'invalid', fields };
	}
	const now = options.now ?? db.clock.now();
	return withTransaction(db, async (tx) => {
		const staff = await findStaffRole(tx, staffId);
		if (staff?.role !== 'owner') return { ok: false, code: 'forbidden' } as const;
		const taken = await tx.kysely.selectFrom('jukyo_fee_version').select('id').where('effective_from', '=', data.effectiveFrom).executeTakeFirst();
		if (taken) return { ok: false, code: 'invalid', fields: { effectiveFrom: 'jukyoClaim.fees.error.taken' } } as const;
		const id = randomUUID();
		await tx.kysely
			.insertInto('jukyo_fee_version')
			.values({
				id,
				effective_from: data.effectiveFrom,
				share_rounding: data.shareRounding,
				source: data.source,
				created_at: now.toISOString(),
				created_by: staffId
			})
			.execute();
		await tx.kysely
			.insertInto('jukyo_fee_item')
			.values(items.map((i) => ({ version_id: id, code: i.code, amount_jpy: i.amountJpy })))
			.execute();
		await recordAudit(tx, actor, {
			action: 'jukyo_fee_version.add',
			entityType: 'jukyo_fee_version',
			entityId: id,
			detail: { effectiveFrom: data.effectiveFrom, items: items.length }
		});
		const schedule = scheduleFromVersion({ effectiveFrom: data.effectiveFrom, shareRounding: data.shareRounding, source: data.source, items });
		return { ok: true, id, schedule } as const;
	});
}
