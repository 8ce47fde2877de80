import { describe, expect, it } from 'vitest';
import { recordEditRight, sessionChangeRule } from './record-ownership';

describe('who may change a clinical record', () => {
	it('lets its author change it, whatever their role', () => {
		for (const role of ['owner', 'practitioner', 'reception'] as const) expect(recordEditRight({ staffId: 'a', role }, 'a')).toBe('author');
	});

	it('lets the owner change another practitioner’s record only as an amendment', () => {
		expect(recordEditRight({ staffId: 'owner', role: 'owner' }, 'a')).toBe('owner_amends');
	});

	it('refuses another practitioner and reception', () => {
		expect(recordEditRight({ staffId: 'b', role: 'practitioner' }, 'a')).toBe('none');
		expect(recordEditRight({ staffId: 'r', role: 'reception' }, 'a')).toBe('none');
	});
});

describe('how a change to a session is kept', () => {
	it('changes an open session in place for its author', () => {
		expect(sessionChangeRule('author', { closed: false, locked: false })).toEqual({ amendment: false, reasonRequired: false });
	});

	it('keeps the earlier values of a closed session, before the lock too, and asks why once locked', () => {
		expect(sessionChangeRule('author', { closed: true, locked: false })).toEqual({ amendment: true, reasonRequired: false });
		expect(sessionChangeRule('author', { closed: true, locked: true })).toEqual({ amendment: true, reasonRequired: true });
	});

	it('makes every change by the owner to another’s record an amendment with a reason, open or closed', () => {
		for (const closed of [false, true])
			expect(sessionChangeRule('owner_amends', { closed, locked: closed })).toEqual({ amendment: true, reasonRequired: true });
	});
});
