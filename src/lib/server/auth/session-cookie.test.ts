import type { Cookies } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { clearSessionCookie, PATIENT_SESSION_COOKIE, readSessionCookie, setSessionCookie } from './session-cookie';

/** Records what the route sets, as SvelteKit's `cookies` would send it. */
function fakeCookies(jar: Record<string, string> = {}) {
	const sets: Array<{ name: string; value: string; options: Record<string, unknown> }> = [];
	const cookies = {
		get: (name: string) => jar[name],
		set: (name: string, value: string, options: Record<string, unknown>) => void sets.push({ name, value, options }),
		delete: (name: string, options: Record<string, unknown>) => void sets.push({ name, value: '', options })
	} as unknown as Cookies;
	return { cookies, sets };
}

describe('the staff session cookie (issue #16)', () => {
	it('is named __Host-shinkyu_staff over HTTPS, Secure, for the whole site and no domain', () => {
		const { cookies, sets } = fakeCookies();
		setSessionCookie(cookies, 'token', new Date('2026-11-25T12:00:00Z'), true);
		expect(sets[0]).toMatchObject({ name: '__Host-shinkyu_staff', value: 'token', options: { secure: true, path: '/', httpOnly: true, sameSite: 'lax' } });
		expect(sets[0]!.options).not.toHaveProperty('domain');
	});

	it('keeps the plain name on plain HTTP, where a __Host- cookie would be refused', () => {
		const { cookies, sets } = fakeCookies();
		setSessionCookie(cookies, 'token', new Date('2026-11-25T12:00:00Z'), false);
		expect(sets[0]).toMatchObject({ name: 'shinkyu_staff', options: { secure: false } });
	});

	it('reads and clears only the name that belongs to the scheme', () => {
		const { cookies, sets } = fakeCookies({ shinkyu_staff: 'planted-over-http', '__Host-shinkyu_staff': 'real' });
		expect(readSessionCookie(cookies, true)).toBe('real');
		expect(readSessionCookie(cookies, false)).toBe('planted-over-http');
		clearSessionCookie(cookies, true);
		expect(sets[0]).toMatchObject({ name: '__Host-shinkyu_staff', options: { path: '/', secure: true } });
	});
});

describe('the portal session cookie', () => {
	it('follows the same rule: __Host-shinkyu_patient over HTTPS, the plain name on plain HTTP', () => {
		const secure = fakeCookies();
		setSessionCookie(secure.cookies, 'token', new Date('2026-11-25T12:00:00Z'), true, PATIENT_SESSION_COOKIE);
		expect(secure.sets[0]).toMatchObject({ name: '__Host-shinkyu_patient', options: { secure: true, path: '/', httpOnly: true, sameSite: 'lax' } });
		expect(secure.sets[0]!.options).not.toHaveProperty('domain');
		const plain = fakeCookies({ shinkyu_patient: 'planted-over-http', '__Host-shinkyu_patient': 'real' });
		expect(readSessionCookie(plain.cookies, true, PATIENT_SESSION_COOKIE)).toBe('real');
		clearSessionCookie(plain.cookies, true, PATIENT_SESSION_COOKIE);
		expect(plain.sets[0]).toMatchObject({ name: '__Host-shinkyu_patient', options: { path: '/', secure: true } });
	});
});
