import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SmtpPeer {
	url: string;
	/** Every message received so far, parsed. */
	received: ParsedMail[];
	close(): Promise<void>;
}

/**
 * A real SMTP server on loopback that keeps what the app sends, for mail tests. With `saveTo`,
 * each message is also written there as `<n>.eml`, so test workers in other processes can read it.
 */
export async function startSmtpPeer(
	options: { saveTo?: string; /** Answers each message only after this long: a slow mail server. */ delayMs?: number } = {}
): Promise<SmtpPeer> {
	const received: ParsedMail[] = [];
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		onData(stream, _session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (chunk: Buffer) => chunks.push(chunk));
			stream.on('error', callback);
			stream.on('end', () => {
				const raw = Buffer.concat(chunks);
				if (options.saveTo) fs.writeFileSync(path.join(options.saveTo, `${String(received.length + 1).padStart(5, '0')}.eml`), raw);
				simpleParser(raw).then((mail) => {
					received.push(mail);
					if (options.delayMs) setTimeout(() => callback(), options.delayMs);
					else callback();
				}, callback);
			});
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`,
		received,
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}
