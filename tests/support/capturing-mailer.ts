import type { Db } from '../../src/lib/server/db/database';
import { createMailer, type Mailer, type OutgoingMail } from '../../src/lib/server/mail/mailer';

export interface CapturingMailer extends Mailer {
	/** Every mail as the recipient gets it, links live (the outbox keeps them redacted). */
	sent: Array<OutgoingMail & { outboxId: string }>;
}

/** An outbox-only mailer that also remembers what it was asked to send, for tests that follow links. */
export function capturingMailer(): CapturingMailer {
	const inner = createMailer(undefined);
	const sent: CapturingMailer['sent'] = [];
	return {
		canDeliver: false,
		sent,
		async send(db: Db, mail: OutgoingMail) {
			const result = await inner.send(db, mail);
			sent.push({ ...mail, outboxId: result.id });
			return result;
		}
	};
}
