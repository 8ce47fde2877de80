import ICAL from 'ical.js';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { blockTime } from './block-time';
import { cancelAppointment } from './cancel-appointment';
import { createStaffAppointment } from './create-staff-appointment';
import { feedTokenDates, isValidFeedToken, issueFeedToken, mayManageFeed, revokeFeedToken } from './feed-token';
import { practitionerCalendar } from './practitioner-feed';
import { at, auditFor, MONDAY, seedSchedule, type SeededSchedule } from './test-schedule';

const NOW = Date.parse(`${MONDAY}T00:00:00Z`);

describeEachDatabase('the practitioner calendar feed', (db) => {
	let s: SeededSchedule;

	beforeAll(async () => {
		s = await seedSchedule(db());
		const book = async (start: string, familyName = '山田') => {
			const result = await createStaffAppointment(
				db(),
				{
					newPatient: { familyName, givenName: '太郎', familyNameKana: 'ヤマダ', givenNameKana: 'タロウ', phone: '090-1234-5678' },
					serviceId: s.follow,
					practitionerId: s.sato,
					start,
					source: 'staff'
				},
				s.actor
			);
			if (!result.ok) throw new Error(result.code);
			return result.appointment;
		};
		await book(at('10:00'));
		const cancelled = await book(at('15:00'));
		await cancelAppointment(db(), cancelled.id, s.actor);
		await book(at('10:00', '2027-06-07')); // beyond 90 days
		await blockTime(db(), { practitionerId: s.sato, start: at('17:00'), end: at('18:00'), note: 'Dentist' }, s.actor);
	});

	it('opens only with the current token of that practitioner', async () => {
		const first = await issueFeedToken(db(), s.sato, s.actor);
		if (!first.ok) throw new Error(first.code);
		expect(await isValidFeedToken(db(), s.sato, first.token)).toBe(true);
		expect(await isValidFeedToken(db(), s.fujita, first.token)).toBe(false);
		expect(await isValidFeedToken(db(), s.sato, 'wrong')).toBe(false);
		expect(await isValidFeedToken(db(), s.sato, null)).toBe(false);

		const second = await issueFeedToken(db(), s.sato, s.actor);
		if (!second.ok) throw new Error(second.code);
		expect(second.replaced).toBe(true);
		expect(await isValidFeedToken(db(), s.sato, first.token)).toBe(false);
		expect(await isValidFeedToken(db(), s.sato, second.token)).toBe(true);
		expect((await feedTokenDates(db())).has(s.sato)).toBe(true);

		expect(await revokeFeedToken(db(), s.sato, s.actor)).toEqual({ revoked: true });
		expect(await isValidFeedToken(db(), s.sato, second.token)).toBe(false);
		expect((await auditFor(db(), s.sato)).map((a) => a.action)).toEqual(['calendar_feed.issue', 'calendar_feed.issue', 'calendar_feed.revoke']);
		// Only the SHA-256 is kept.
		const stored = await db().kysely.selectFrom('practitioner_feed_token').select('token_hash').execute();
		expect(stored.every((r) => r.token_hash !== second.token)).toBe(true);
	});

	it('lets the owner and the practitioner themself look after a feed, and nobody else', () => {
		expect(mayManageFeed({ id: 'a', role: 'owner' }, { staffId: null })).toBe(true);
		expect(mayManageFeed({ id: 'a', role: 'practitioner' }, { staffId: 'a' })).toBe(true);
		expect(mayManageFeed({ id: 'a', role: 'practitioner' }, { staffId: 'b' })).toBe(false);
		expect(mayManageFeed({ id: 'a', role: 'reception' }, { staffId: 'a' })).toBe(false);
	});

	it('shows the next 90 days with initials and treatment only, without cancelled ones or notes', async () => {
		const text = await practitionerCalendar(db(), s.sato, 'ja', NOW);
		const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
		expect(events.map((e) => e.summary)).toEqual(['Y.T. 再診（鍼治療）', '予定あり']);
		expect(events[0]!.startDate.toJSDate().toISOString()).toBe('2026-11-30T01:00:00.000Z');
		for (const secret of ['山田', '太郎', '1234-5678', 'Dentist']) expect(text).not.toContain(secret);
		const english = await practitionerCalendar(db(), s.sato, 'en', NOW);
		expect(english).toContain('Y.T. Follow-up treatment');
	});
});
