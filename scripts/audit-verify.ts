// `npm run audit:verify`: walks the audit hash chain; exits 1 when a row was changed or removed.
import { verifyAuditChain } from '../src/lib/server/audit/audit-log';
import { withAppDatabase } from './cli';

await withAppDatabase(async (db) => {
	const report = await verifyAuditChain(db);
	if (report.problems.length === 0) {
		console.log(`Audit chain intact: ${report.rows} rows verified.`);
		return 0;
	}
	for (const problem of report.problems) {
		console.error(problem.kind === 'changed' ? `row ${problem.seq}: contents changed` : `row ${problem.seq}: the row before it was changed or removed`);
	}
	console.error(`Audit chain BROKEN: ${report.problems.length} problem(s) in ${report.rows} rows.`);
	return 1;
});
