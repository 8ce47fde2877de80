// `npm run audit:verify`: walks the audit hash chain (keyed with the server key since issue 16) and
// compares its newest rows with the head file the server writes (AUDIT_HEAD_FILE, else
// DATA_DIR/audit-head.json); exits 1 when a row was changed or removed, or the key is wrong.
import { describeChainProblem, verifyAuditChain } from '../src/lib/server/audit/audit-log';
import { auditHeadFileOf, readAuditHead } from '../src/lib/server/audit/audit-head';
import { readConfig } from '../src/lib/server/config';
import { withAppDatabase } from './cli';

await withAppDatabase(async (db) => {
	const headFile = auditHeadFileOf(readConfig());
	const head = readAuditHead(headFile);
	const report = await verifyAuditChain(db, head);
	if (report.problems.length === 0) {
		console.log(`Audit chain intact: ${report.rows} rows verified.`);
		console.log(
			head
				? `The newest rows match the head file (${headFile}, row ${head.seq}).`
				: `No head file at ${headFile} yet: removal of the newest rows cannot be checked.`
		);
		return 0;
	}
	for (const problem of report.problems) console.error(describeChainProblem(problem));
	console.error(`Audit chain BROKEN: ${report.problems.length} problem(s) in ${report.rows} rows.`);
	return 1;
});
