import { sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then */

/**
 * The はり・きゅう 療養費 fees and the consent-validity rule as dated versions in the database
 * (issue #19, docs/jukyo-claim.md §3 and §4), so the owner can add the next revision from the
 * console without a release. A version is never changed: a revision is a new version, and a visit
 * is priced by the version of its day.
 * - `jukyo_fee_version` + `jukyo_fee_item`: one row per item code and amount (yen).
 * - `jukyo_consent_rule`: how long a 同意書 lasts from its 初療 (or 再同意) day.
 * Seeded with the versions of 2022-06-01, 2024-06-01 and 2024-10-01 and the consent rules of
 * 2004-10-01 and 2018-10-01; `created_by` is null for a seeded row.
 */
const SEEDED_AT = '2026-12-06T00:00:00.000Z';

const CLINIC_VISIT_2022 = {
	initial_exam_single: 1780,
	initial_exam_combined: 1860,
	treatment_single: 1550,
	treatment_combined: 1610,
	electro: 34,
	house_call: 2300,
	house_call_over_4km: 2550,
	report: 480
};
const CLINIC_VISIT_2024 = {
	initial_exam_single: 1950,
	initial_exam_combined: 2230,
	treatment_single: 1610,
	treatment_combined: 1770,
	electro: 100,
	report: 480
};
const HOME_VISIT_2024_10 = {
	home_visit_1_single: 3910,
	home_visit_1_combined: 4070,
	home_visit_2_single: 2760,
	home_visit_2_combined: 2920,
	home_visit_3_single: 2070,
	home_visit_3_combined: 2230,
	home_visit_3_ten_plus_single: 1760,
	home_visit_3_ten_plus_combined: 1920,
	special_area: 250
};

const VERSIONS: Array<{ id: string; effectiveFrom: string; source: string; items: Record<string, number> }> = [
	{ id: 'jukyo-fees-2022-06-01', effectiveFrom: '2022-06-01', source: '療養費の支給基準 (令和4年6月1日改定)', items: CLINIC_VISIT_2022 },
	{
		id: 'jukyo-fees-2024-06-01',
		effectiveFrom: '2024-06-01',
		source: '療養費の支給基準 (令和6年6月1日改定)',
		items: { ...CLINIC_VISIT_2024, house_call: 2300, house_call_over_4km: 2550 }
	},
	{
		id: 'jukyo-fees-2024-10-01',
		effectiveFrom: '2024-10-01',
		source: '療養費の支給基準 (令和6年10月1日施行分)',
		items: { ...CLINIC_VISIT_2024, house_call: 2300, ...HOME_VISIT_2024_10 }
	}
];

const CONSENT_RULES = [
	{
		id: 'jukyo-consent-2004-10-01',
		effective_from: '2004-10-01',
		early_until_day: 15,
		months_after_if_early: 2,
		months_after_if_late: 3,
		source: '保医発第1001002号 別添1 第5章の1 (3か月)'
	},
	{
		id: 'jukyo-consent-2018-10-01',
		effective_from: '2018-10-01',
		early_until_day: 15,
		months_after_if_early: 5,
		months_after_if_late: 6,
		source: '保医発0620第1号 (6か月)'
	}
];

export const jukyoFeeVersions = {
	async up(db: Kysely<any>) {
		await db.schema
			.createTable('jukyo_fee_version')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('effective_from', 'text', (c) => c.notNull().unique())
			.addColumn('share_rounding', 'text', (c) => c.notNull().check(sql`share_rounding in ('yen_half_up', 'ten_yen_half_up')`))
			.addColumn('source', 'text', (c) => c.notNull())
			.addColumn('created_at', 'text', (c) => c.notNull())
			.addColumn('created_by', 'text', (c) => c.references('staff.id'))
			.execute();
		await db.schema
			.createTable('jukyo_fee_item')
			.addColumn('version_id', 'text', (c) => c.notNull().references('jukyo_fee_version.id'))
			.addColumn('code', 'text', (c) => c.notNull())
			.addColumn('amount_jpy', 'integer', (c) => c.notNull().check(sql`amount_jpy >= 0`))
			.addPrimaryKeyConstraint('jukyo_fee_item_pk', ['version_id', 'code'])
			.execute();
		await db.schema
			.createTable('jukyo_consent_rule')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('effective_from', 'text', (c) => c.notNull().unique())
			.addColumn('early_until_day', 'integer', (c) => c.notNull().check(sql`early_until_day between 1 and 31`))
			.addColumn('months_after_if_early', 'integer', (c) => c.notNull().check(sql`months_after_if_early between 0 and 24`))
			.addColumn('months_after_if_late', 'integer', (c) => c.notNull().check(sql`months_after_if_late between 0 and 24`))
			.addColumn('source', 'text', (c) => c.notNull())
			.addColumn('created_at', 'text', (c) => c.notNull())
			.addColumn('created_by', 'text', (c) => c.references('staff.id'))
			.execute();
		for (const version of VERSIONS) {
			await db
				.insertInto('jukyo_fee_version')
				.values({
					id: version.id,
					effective_from: version.effectiveFrom,
					share_rounding: 'yen_half_up',
					source: version.source,
					created_at: SEEDED_AT,
					created_by: null
				})
				.execute();
			await db
				.insertInto('jukyo_fee_item')
				.values(Object.entries(version.items).map(([code, amount]) => ({ version_id: version.id, code, amount_jpy: amount })))
				.execute();
		}
		await db
			.insertInto('jukyo_consent_rule')
			.values(CONSENT_RULES.map((rule) => ({ ...rule, created_at: SEEDED_AT, created_by: null })))
			.execute();
	},
	async down(db: Kysely<any>) {
		await db.schema.dropTable('jukyo_consent_rule').execute();
		await db.schema.dropTable('jukyo_fee_item').execute();
		await db.schema.dropTable('jukyo_fee_version').execute();
	}
};
