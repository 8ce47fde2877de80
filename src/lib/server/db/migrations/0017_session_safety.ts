import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../database';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then */

/**
 * The safety check in the session record (issue #15, docs/clinical-rules.md §3):
 * - `session_point.deep`: the point was needled deeply, as a plan's point can be; the pregnancy,
 *   bleeding-risk and point-caution rules ask about deep needling. Earlier points count as not deep.
 * - `treatment_session.held_plan_points`: the active plan's points that met the patient's current
 *   alerts when the session started, held back until the practitioner acknowledges them in the
 *   session (or leaves them out). JSON: [{ code, side, deep }].
 * - The session's acknowledgements live in `contraindication_override` (its `session_id` column
 *   exists since 0010); the index reads them by session.
 */
export function sessionSafety(_dialect: DialectName) {
	return {
		async up(db: Kysely<any>) {
			await db.schema
				.alterTable('session_point')
				.addColumn('deep', 'integer', (c) =>
					c
						.notNull()
						.defaultTo(0)
						.check(sql`deep in (0, 1)`)
				)
				.execute();
			await db.schema
				.alterTable('treatment_session')
				.addColumn('held_plan_points', 'text', (c) => c.notNull().defaultTo('[]'))
				.execute();
			await db.schema.createIndex('contraindication_override_session').on('contraindication_override').columns(['session_id', 'created_at']).execute();
		},
		async down(db: Kysely<any>) {
			await db.schema.dropIndex('contraindication_override_session').execute();
			await db.schema.alterTable('treatment_session').dropColumn('held_plan_points').execute();
			await db.schema.alterTable('session_point').dropColumn('deep').execute();
		}
	};
}
