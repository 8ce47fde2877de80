import fs from 'node:fs';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { expect } from 'vitest';

/** Every message the shared server has sent so far, oldest first (see global-server.ts). */
export async function readMailbox(mailDir: string): Promise<ParsedMail[]> {
	const files = fs
		.readdirSync(mailDir)
		.filter((f) => f.endsWith('.eml'))
		.sort();
	return Promise.all(files.map((f) => simpleParser(fs.readFileSync(path.join(mailDir, f)))));
}

function recipients(mail: ParsedMail): string {
	const to = mail.to;
	return (Array.isArray(to) ? to : to ? [to] : []).map((a) => a.text).join(', ');
}

/** Waits until a message to `recipient` matching `test` arrives, and returns it (usable in hooks too). */
export async function waitForMail(
	mailDir: string,
	recipient: string,
	test: (mail: ParsedMail) => boolean = () => true,
	timeoutMs = 20_000
): Promise<ParsedMail> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const found = (await readMailbox(mailDir)).filter((m) => recipients(m).includes(recipient) && test(m)).at(-1);
		if (found) return found;
		if (Date.now() > deadline) throw new Error(`no mail to ${recipient} within ${timeoutMs} ms`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

/** The first link in a message's text that matches `pattern`. */
export function linkIn(mail: ParsedMail, pattern: RegExp): string {
	const match = pattern.exec(mail.text ?? '');
	expect(match, `no link matching ${pattern} in:\n${mail.text}`).not.toBeNull();
	return match![0];
}
