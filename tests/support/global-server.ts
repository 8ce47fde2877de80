import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { builtServerEntry, demoPasswordsFrom, startBuiltServer } from './server-process';
import { startSmtpPeer } from './smtp-peer';

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
		demoPasswords: Record<string, string>;
		/** Where the server's outgoing mail lands, one `.eml` file per message (tests/support/mailbox.ts). */
		mailDir: string;
	}
}

/**
 * One built server for every browser and HTTP test: `build/` as `npm start` serves it, on a fresh
 * data directory, so the demo clinic is seeded and its one-time passwords are read from stdout.
 */
export default async function setup(project: TestProject) {
	if (!fs.existsSync(builtServerEntry())) throw new Error('build/ is missing: run `npm run build` first');
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shinkyu-e2e-'));
	const mailDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shinkyu-e2e-mail-'));
	const smtp = await startSmtpPeer({ saveTo: mailDir });
	// As behind a reverse proxy, so tests can speak for several client addresses.
	const server = await startBuiltServer({ DATA_DIR: dataDir, ADDRESS_HEADER: 'x-forwarded-for', SMTP_URL: smtp.url, RATE_LIMITS: 'off' });
	const demoPasswords = demoPasswordsFrom(server.output());
	if (!demoPasswords['owner@example.jp']) throw new Error(`no demo passwords printed:\n${server.output()}`);
	project.provide('baseUrl', server.baseUrl);
	project.provide('demoPasswords', demoPasswords);
	project.provide('mailDir', mailDir);
	return async () => {
		await server.stop();
		await smtp.close();
		fs.rmSync(dataDir, { recursive: true, force: true });
		fs.rmSync(mailDir, { recursive: true, force: true });
	};
}
