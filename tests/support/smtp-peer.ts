import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SmtpPeer {
	url: string;
	/** Every message received so far, parsed. */
	received: ParsedMail[];
	close(): Promise<void>;
}

/** A real SMTP server on loopback that keeps what the app sends, for mail tests. */
export async function startSmtpPeer(): Promise<SmtpPeer> {
	const received: ParsedMail[] = [];
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		onData(stream, _session, callback) {
			simpleParser(stream).then((mail) => {
				received.push(mail);
				callback();
			}, callback);
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`,
		received,
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}
