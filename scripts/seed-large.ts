// `npm run seed:large [-- --patients N --appointments N]`: fills the database `npm start` uses
// (DATA_DIR / DATABASE_URL) with 100,000 patients and 1,000,000 past appointments, once.
import { parseArgs } from 'node:util';
import { withAppDatabase } from './cli';
import { seedLarge } from './seed-large-data';

const { values } = parseArgs({
	options: { patients: { type: 'string', default: '100000' }, appointments: { type: 'string', default: '1000000' }, seed: { type: 'string' } },
	allowPositionals: false
});

function count(name: string, text: string | undefined, max: number): number {
	const n = Number(text);
	if (!/^\d+$/.test(text ?? '') || !Number.isSafeInteger(n) || n > max) {
		console.error(`--${name} must be a whole number from 0 to ${max.toLocaleString('en')}, got ${JSON.stringify(text)}.`);
		process.exit(1);
	}
	return n;
}

const patients = count('patients', values.patients, 10_000_000);
const appointments = count('appointments', values.appointments, 100_000_000);
const seed = values.seed === undefined ? undefined : count('seed', values.seed, 2 ** 31);
if (appointments > 0 && patients === 0) {
	console.error('Appointments need patients: pass --patients 1 or more.');
	process.exit(1);
}

await withAppDatabase(async (db) => {
	const result = await seedLarge(db, { patients, appointments, seed });
	if (result.ok) return 0;
	// Running it again is harmless and says so; a half-finished or impossible run is an error.
	if (result.code === 'already_seeded') {
		console.log(result.message);
		return 0;
	}
	console.error(result.message);
	return 1;
});
