import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startBuiltServer } from '../support/server-process';

/* Links in mail point only at the clinic: production never falls back to the request's Host. */
describe('ORIGIN in production', () => {
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shinkyu-origin-'));
	afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

	it('refuses to start without ORIGIN, and says what to set', async () => {
		const started = startBuiltServer({ DATA_DIR: dataDir, NODE_ENV: 'production', ORIGIN: undefined, SHINKYU_DEMO: '0' });
		await expect(started).rejects.toThrow(/server exited with 1[\s\S]*ORIGIN is not set/);
	});
});
