import type { SmtpPeer } from './smtp-peer';

/**
 * The newest portal sign-in link mailed to `email` after the peer had `since` messages, as the
 * patient reads it. The outbox keeps its
 * copy with the link redacted (issue 16), so tests read what the mail server received.
 */
export async function waitForSignInLink(peer: SmtpPeer, email: string, since: number, timeoutMs = 15_000): Promise<string | undefined> {
	for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 150))) {
		const mail = peer.received
			.slice(since)
			.filter((m) => m.to && 'text' in m.to && m.to.text === email)
			.at(-1);
		const link = mail && /\/portal\/auth\/[a-z0-9]+/.exec(mail.text ?? '')?.[0];
		if (link) return link;
	}
	return undefined;
}
