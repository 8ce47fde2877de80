import { describe, expect, it } from 'vitest';
import { isUncheckedEmail, mergeContact, needsChoice, type ContactDetails } from './merge-contact';

const real: ContactDetails = { email: '', emailSource: 'desk', phone: '090-0000-0001', postalCode: '150-0001', address: '渋谷区神宮前1-1' };
const outsider: ContactDetails = { email: 'outsider@example.com', emailSource: 'booking', phone: '09000000001', postalCode: '', address: '' };

describe('the contact details of a merged record (issue #16)', () => {
	it('never carries an e-mail address over on its own: a field the records differ on must be chosen', () => {
		expect(mergeContact(real, outsider, {}, false)).toEqual({ ok: false, code: 'contact_unchosen', fields: ['email', 'address'] });
		expect(mergeContact(outsider, real, { address: 'merged' }, false)).toEqual({ ok: false, code: 'contact_unchosen', fields: ['email'] });
	});

	it('keeps an address typed into an online booking only when it was confirmed with the patient', () => {
		expect(mergeContact(real, outsider, { email: 'merged', address: 'survivor' }, false)).toEqual({ ok: false, code: 'email_unconfirmed' });
		const kept = mergeContact(real, outsider, { email: 'merged', address: 'survivor' }, true);
		expect(kept).toEqual({
			ok: true,
			contact: { ...real, email: 'outsider@example.com', emailSource: 'desk' },
			changes: [{ field: 'email', before: '', after: 'outsider@example.com' }]
		});
	});

	it('asks for the confirmation also when the kept record is the one the booking made', () => {
		// The desk keeps the newer record: its own address is the outsider's.
		expect(mergeContact(outsider, real, { email: 'survivor', address: 'merged' }, false)).toEqual({ ok: false, code: 'email_unconfirmed' });
		const dropped = mergeContact(outsider, real, { email: 'none', address: 'merged' }, false);
		expect(dropped.ok && dropped.contact).toEqual({ email: '', emailSource: 'desk', phone: '09000000001', postalCode: '150-0001', address: '渋谷区神宮前1-1' });
		expect(dropped.ok && dropped.changes).toEqual([
			{ field: 'email', before: 'outsider@example.com', after: '' },
			{ field: 'address', before: '', after: '150-0001 渋谷区神宮前1-1' }
		]);
	});

	it('keeps the desk’s own address without a confirmation, and needs no choice where both agree', () => {
		const desk = { ...real, email: 'hanako@example.jp' };
		const sameFromBooking = { ...outsider, email: 'Hanako@example.jp ' };
		expect(needsChoice(desk, sameFromBooking, 'email')).toBe(false);
		const result = mergeContact(desk, sameFromBooking, { address: 'survivor' }, false);
		expect(result).toEqual({ ok: true, contact: desk, changes: [] });
		expect(mergeContact(desk, outsider, { email: 'survivor', address: 'survivor' }, false).ok).toBe(true);
	});

	it('refuses "none" for a field other than the e-mail address', () => {
		expect(mergeContact(real, outsider, { email: 'survivor', phone: 'none', address: 'survivor' }, false)).toEqual({
			ok: false,
			code: 'contact_unchosen',
			fields: ['phone']
		});
	});

	it('treats an empty address as checked whatever its source', () => {
		expect(isUncheckedEmail({ email: ' ', emailSource: 'booking' })).toBe(false);
		expect(isUncheckedEmail({ email: 'a@example.com', emailSource: 'booking' })).toBe(true);
		expect(isUncheckedEmail({ email: 'a@example.com', emailSource: 'desk' })).toBe(false);
	});
});
