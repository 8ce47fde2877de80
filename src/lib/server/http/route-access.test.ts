import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decideAccess, roleMayOpen, ROUTE_ACCESS, type Viewer } from './route-access';

const ROUTES_DIR = path.resolve('src/routes');
const ENDPOINT_FILES = new Set(['+page.svelte', '+page.server.ts', '+page.ts', '+server.ts']);

/** Every route id the app serves, read from the file system as SvelteKit reads it. */
function routeIds(dir = ROUTES_DIR): string[] {
	const entries = fs.readdirSync(dir, { withFileTypes: true });
	const here = entries.some((e) => e.isFile() && ENDPOINT_FILES.has(e.name))
		? ['/' + path.relative(ROUTES_DIR, dir).split(path.sep).join('/')].map((id) => (id === '/' ? '/' : id))
		: [];
	return [...here, ...entries.filter((e) => e.isDirectory()).flatMap((e) => routeIds(path.join(dir, e.name)))];
}

describe('route access table', () => {
	it('lists every route the app serves', () => {
		const missing = routeIds().filter((id) => !(id in ROUTE_ACCESS));
		expect(missing).toEqual([]);
	});

	it('lists no route that no longer exists', () => {
		const served = new Set(routeIds());
		expect(Object.keys(ROUTE_ACCESS).filter((id) => !served.has(id))).toEqual([]);
	});

	it('keeps the portal behind patient sign-in, except the ways in and out', () => {
		for (const [id, access] of Object.entries(ROUTE_ACCESS)) {
			const isWayIn = /portal\/(login|auth|logout)/.test(id);
			if (id.includes('/portal') && !isWayIn) expect(access, id).toBe('patient');
		}
	});

	it('keeps the console behind sign-in', () => {
		for (const [id, access] of Object.entries(ROUTE_ACCESS)) {
			const isOpenStaffPage = /staff\/(login|logout|invite)/.test(id);
			if (id.includes('/staff') && !isOpenStaffPage) expect(access, id).not.toBe('public');
		}
	});
});

describe('decideAccess', () => {
	const owner: Viewer = { role: 'owner', secondFactorDone: true, totpEnabled: true };
	const reception: Viewer = { role: 'reception', secondFactorDone: true, totpEnabled: false };

	it('refuses a route missing from the table', () => {
		expect(decideAccess(undefined, owner)).toBe('forbidden');
	});

	it('asks an anonymous visitor to sign in for any staff route', () => {
		expect(decideAccess('staff', null)).toBe('sign_in');
		expect(decideAccess(['owner'], null)).toBe('sign_in');
		expect(decideAccess('signed-in-pending', null)).toBe('sign_in');
		expect(decideAccess('public', null)).toBe('allow');
	});

	it('lets only a signed-in patient into the portal, and no staff session stands in for one', () => {
		expect(decideAccess('patient', null, true)).toBe('allow');
		expect(decideAccess('patient', null, false)).toBe('patient_sign_in');
		expect(decideAccess('patient', owner, false)).toBe('patient_sign_in');
		expect(decideAccess(['owner'], null, true)).toBe('sign_in');
		expect(decideAccess('staff', null, true)).toBe('sign_in');
	});

	it('holds a half-signed-in account at the second factor or at enrolment', () => {
		expect(decideAccess('staff', { ...owner, secondFactorDone: false })).toBe('second_factor');
		expect(decideAccess('staff', { ...owner, secondFactorDone: false, totpEnabled: false })).toBe('enrol');
		expect(decideAccess('signed-in-pending', { ...owner, secondFactorDone: false })).toBe('allow');
	});

	it('lets only the listed roles in', () => {
		expect(decideAccess(['owner'], owner)).toBe('allow');
		expect(decideAccess(['owner'], reception)).toBe('forbidden');
		expect(decideAccess('staff', reception)).toBe('allow');
	});
});

describe('roleMayOpen', () => {
	it('follows the table for links offered to staff', () => {
		expect(roleMayOpen('/[[lang=lang]]/staff/billing/appointments/[appointmentId]', 'reception')).toBe(true);
		expect(roleMayOpen('/[[lang=lang]]/staff/billing/appointments/[appointmentId]', 'practitioner')).toBe(false);
		expect(roleMayOpen('/[[lang=lang]]/staff', 'practitioner')).toBe(true);
		expect(roleMayOpen('/[[lang=lang]]/portal', 'owner')).toBe(false);
		expect(roleMayOpen('/no/such/route', 'owner')).toBe(false);
	});
});
