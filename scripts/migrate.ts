// `npm run migrate`: applies pending migrations to the database `npm start` would use.
import { withAppDatabase } from './cli';

await withAppDatabase(async () => {
	console.log('The database schema is up to date.');
});
