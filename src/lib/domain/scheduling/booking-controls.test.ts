import { describe, expect, it } from 'vitest';
import { freeSlots, type BookingRules } from './availability';
import { localInstant } from '../time';
import { exceedsUpcomingLimit, needsApproval, rulesForService } from './booking-controls';

const TZ = 'Asia/Tokyo';
const clinicRules: BookingRules = {
	timeZone: TZ,
	slotStepMinutes: 60,
	minNoticeMinutes: 120,
	horizonDays: 90,
	openingHours: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, start: '09:00', end: '18:00' })),
	closedDates: []
};
const service = { id: 's', durationMinutes: 60, bufferMinutes: 0, needsBed: false };
const practitioner = { id: 'p', workingHours: clinicRules.openingHours, timeOff: [], serviceIds: ['s'] };
const now = localInstant('2026-12-07', '09:00', TZ);

describe('rulesForService', () => {
	it('keeps the clinic’s notice and horizon when the service has none', () => {
		expect(rulesForService(clinicRules, { minNoticeMinutes: null, horizonDays: null })).toEqual(clinicRules);
	});

	it('uses the service’s own notice: no slot sooner than it', () => {
		const rules = rulesForService(clinicRules, { minNoticeMinutes: 24 * 60, horizonDays: null });
		const slots = freeSlots(rules, service, [practitioner], [], [], { from: '2026-12-07', to: '2026-12-08', now });
		expect(slots[0]!.start).toBe(localInstant('2026-12-08', '09:00', TZ));
	});

	it('uses the service’s own horizon: no slot beyond it', () => {
		const rules = rulesForService(clinicRules, { minNoticeMinutes: null, horizonDays: 2 });
		const slots = freeSlots(rules, service, [practitioner], [], [], { from: '2026-12-07', to: '2026-12-20', now });
		expect(slots.at(-1)!.start).toBe(localInstant('2026-12-09', '17:00', TZ));
		expect(rules.minNoticeMinutes).toBe(120);
	});

	it('takes a notice of zero as "no notice", not as the clinic’s', () => {
		expect(rulesForService(clinicRules, { minNoticeMinutes: 0, horizonDays: null }).minNoticeMinutes).toBe(0);
	});
});

describe('exceedsUpcomingLimit', () => {
	it('refuses a booking at the limit and allows one below it', () => {
		expect(exceedsUpcomingLimit(2, 3)).toBe(false);
		expect(exceedsUpcomingLimit(3, 3)).toBe(true);
		expect(exceedsUpcomingLimit(4, 3)).toBe(true);
	});

	it('has no limit at zero', () => {
		expect(exceedsUpcomingLimit(40, 0)).toBe(false);
	});
});

describe('needsApproval', () => {
	it('holds a new patient’s booking for the desk only when the clinic asks for it', () => {
		expect(needsApproval(true, false)).toBe(true);
		expect(needsApproval(true, true)).toBe(false);
		expect(needsApproval(false, false)).toBe(false);
	});
});
