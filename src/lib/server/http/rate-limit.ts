import { isIPv6 } from 'node:net';
import type { RequestEvent } from '@sveltejs/kit';
import { normaliseText } from '../../domain/patients/normalise';
import { sha256Hex } from '../crypto';
import { normaliseEmail as normalisePatientEmail } from '../portal/magic-link';
import { normaliseEmail as normaliseStaffEmail } from '../staff/staff-repository';
import { createRateLimiter, type RateLimiter } from './rate-limit-store';
import { clientAddress } from './request-context';

/*
 * Rate limits on the doors anyone can knock at (issue #9), per client address and, where the request
 * names one, per account. Every request counts when it arrives, whatever its outcome, so a burst of
 * parallel guesses is cut off before any password is hashed or any mail is sent.
 *
 * The numbers are set so that a real clinic never meets them, remembering that one address is often
 * many people: a clinic's reception PCs share one, as do a family's phones at home and many
 * strangers behind a mobile carrier's NAT.
 * - Staff sign-in, per account: 10 attempts in 15 minutes. Signing in with a second factor costs two
 *   (password, then code), so this is five full sign-ins, or a handful of typos, in a quarter of an
 *   hour. While an account is limited every attempt is refused, the right password too: answering
 *   the right password differently would tell a guesser that this guess was the one. (The database
 *   failure lock, issue #3, still locks after 10 wrong passwords across all instances.)
 * - Staff sign-in, per address: 100 in 15 minutes. Generous on purpose: the whole reception of a
 *   clinic signs in from one address all morning; the per-account limit is the one that protects.
 * - Portal sign-in link, per e-mail address: 5 an hour (a patient who asks again because the mail
 *   is slow asks two or three times); per address: 20 an hour (a family, a shared network).
 * - Booking, per address: 20 an hour. A family booking two visits, correcting a field or two and
 *   losing a slot to someone faster posts well under ten times.
 * - Contact form, per address: 20 an hour. The clinic page also keeps its own count of messages
 *   stored (3 in 10 minutes) and says so on the form; this one stops floods of any post.
 * - Self-check, per address: 60 in 10 minutes. It is cheap and stateless; a person changing answers
 *   and trying again never comes near.
 */
const MINUTE = 60_000;
export const RATE_POLICIES = {
	signInPerAccount: { limit: 10, windowMs: 15 * MINUTE },
	signInPerAddress: { limit: 100, windowMs: 15 * MINUTE },
	magicLinkPerEmail: { limit: 5, windowMs: 60 * MINUTE },
	magicLinkPerAddress: { limit: 20, windowMs: 60 * MINUTE },
	bookingPerAddress: { limit: 20, windowMs: 60 * MINUTE },
	contactPerAddress: { limit: 20, windowMs: 60 * MINUTE },
	selfCheckPerAddress: { limit: 60, windowMs: 10 * MINUTE }
} as const;

type AccountOf = (event: RequestEvent) => Promise<string | null>;
interface LimitedAction {
	perAddress: RateLimiter;
	perAccount?: { limiter: RateLimiter; accountOf: AccountOf };
}

/** The staff account a sign-in request names: the pending session's at the code step, else the form's. */
const staffAccount: AccountOf = async (event) => {
	if (event.route.id?.endsWith('/staff/login/totp')) return event.locals.session?.staff.email ?? null;
	const email = await peekField(event.request, 'email');
	return email === null ? null : normaliseStaffEmail(email);
};

/** Normalised as the sign-in-link request normalises it, so no spelling of one address escapes. */
const patientEmail: AccountOf = async (event) => {
	const email = await peekField(event.request, 'email');
	return email === null ? null : normalisePatientEmail(normaliseText(email));
};

/** Which limits apply to a request, by method and route id. The counts live in the database (rate-limit-store.ts). */
export function createRequestLimits() {
	const limiter = (policy: keyof typeof RATE_POLICIES) => createRateLimiter(policy, RATE_POLICIES[policy]);
	const signIn: LimitedAction = {
		perAddress: limiter('signInPerAddress'),
		perAccount: { limiter: limiter('signInPerAccount'), accountOf: staffAccount }
	};
	const magicLink: LimitedAction = {
		perAddress: limiter('magicLinkPerAddress'),
		perAccount: { limiter: limiter('magicLinkPerEmail'), accountOf: patientEmail }
	};
	const booking: LimitedAction = { perAddress: limiter('bookingPerAddress') };
	const contact: LimitedAction = { perAddress: limiter('contactPerAddress') };
	const selfCheck: LimitedAction = { perAddress: limiter('selfCheckPerAddress') };
	const routes: Record<string, LimitedAction> = {
		'POST /[[lang=lang]]/staff/login': signIn,
		'POST /[[lang=lang]]/staff/login/totp': signIn,
		'POST /api/v1/auth/login': signIn,
		'POST /[[lang=lang]]/portal/login': magicLink,
		'POST /[[lang=lang]]/book': booking,
		'POST /api/v1/bookings': booking,
		// Joining the waiting list writes a patient and sends mail, like a booking (issue #17).
		'POST /api/v1/waitlist': booking,
		'POST /[[lang=lang]]/book/waitlist': booking,
		'POST /[[lang=lang]]/clinic': contact,
		'POST /[[lang=lang]]/check': selfCheck,
		'POST /[[lang=lang]]/book/self-check': selfCheck,
		'POST /api/v1/triage': selfCheck
	};

	return {
		routes: Object.keys(routes),
		/** Seconds to wait when the request is over a limit; null when it may go on. */
		async check(event: RequestEvent): Promise<number | null> {
			const action = routes[`${event.request.method} ${event.route.id}`];
			if (!action) return null;
			const db = event.locals.db;
			const byAddress = await action.perAddress.take(db, addressKey(clientAddress(event)));
			if (!byAddress.ok) return toSeconds(byAddress.retryAfterMs);
			if (!action.perAccount) return null;
			const account = await action.perAccount.accountOf(event);
			if (account === null) return null;
			const byAccount = await action.perAccount.limiter.take(db, account);
			return byAccount.ok ? null : toSeconds(byAccount.retryAfterMs);
		}
	};
}

function toSeconds(ms: number): number {
	return Math.max(1, Math.ceil(ms / 1000));
}

/**
 * The count an address goes under. An IPv6 subscriber is given a whole /64 (a home or a phone),
 * so its 2^64 addresses count as one; IPv4 inside IPv6 counts as the IPv4 address.
 */
export function addressKey(address: string | null): string {
	if (!address) return 'unknown';
	const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
	if (mapped) return mapped[1]!;
	if (isIPv6(address)) return ipv6Prefix64(address);
	// Only a misconfigured ADDRESS_HEADER yields something else; it must not grow memory either.
	return address.length <= 64 ? address : sha256Hex(address);
}

function ipv6Prefix64(address: string): string {
	let text = address.split('%')[0]!.toLowerCase();
	const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
	if (v4) {
		const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
		text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
	}
	const [head = '', tail] = text.split('::');
	const left = head ? head.split(':') : [];
	const right = tail ? tail.split(':') : [];
	const groups = [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
	return `${groups
		.slice(0, 4)
		.map((group) => parseInt(group, 16).toString(16))
		.join(':')}::/64`;
}

/**
 * One field of a form or JSON body, read from a copy: the action or endpoint still reads the
 * request itself. Anything unreadable is null, and the endpoint answers it as it always does.
 */
async function peekField(request: Request, name: string): Promise<string | null> {
	try {
		const copy = request.clone();
		if (/^application\/json\b/i.test(request.headers.get('content-type') ?? '')) {
			const body: unknown = await copy.json();
			const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
			return typeof value === 'string' ? value : null;
		}
		const value = (await copy.formData()).get(name);
		return typeof value === 'string' ? value : null;
	} catch {
		return null;
	}
}
