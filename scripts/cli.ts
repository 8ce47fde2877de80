import { readConfig } from '../src/lib/server/config';
import { openAppDatabase, prepareDatabase, formatDemoAccounts } from '../src/lib/server/app';
import type { Db } from '../src/lib/server/db/database';
import { SchemaTooNewError } from '../src/lib/server/db/migrate';

/**
 * Opens the same database `npm start` would (DATA_DIR / DATABASE_URL), migrated and, when new,
 * seeded exactly as the server does, runs `task`, closes it, and turns failures into an exit code.
 */
export async function withAppDatabase(task: (db: Db) => Promise<number | void>): Promise<never> {
	const config = readConfig();
	const db = openAppDatabase(config);
	let code = 0;
	try {
		const report = await prepareDatabase(db, config);
		if (report.appliedMigrations.length > 0) console.log(`Applied migrations: ${report.appliedMigrations.join(', ')}`);
		if (report.demoAccounts) console.log(formatDemoAccounts(report.demoAccounts));
		code = (await task(db)) ?? 0;
	} catch (cause) {
		console.error(cause instanceof SchemaTooNewError ? cause.message : cause);
		code = 1;
	} finally {
		await db.close();
	}
	process.exit(code);
}
