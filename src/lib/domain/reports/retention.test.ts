import { describe, expect, it } from 'vitest';
import { retentionFigures, type RetentionAppointment } from './retention';

const period = { from: '2026-04-01', to: '2026-04-30', timeZone: 'Asia/Tokyo' };
const NOW = Date.parse('2026-09-01T00:00:00Z');
let seq = 0;
/** A visit at 10:00 Tokyo on `day`, booked `bookedOn` (default: a week before). */
function visit(patientId: string, day: string, practitionerId = 'sato', over: Partial<RetentionAppointment> = {}): RetentionAppointment {
	const startsAt = new Date(Date.parse(`${day}T10:00:00+09:00`)).toISOString();
	return {
		id: `a${++seq}`,
		patientId,
		practitionerId,
		startsAt,
		createdAt: new Date(Date.parse(startsAt) - 7 * 86_400_000).toISOString(),
		attended: true,
		cancelled: false,
		...over
	};
}
const bookedOn = (day: string, time = '10:30') => new Date(Date.parse(`${day}T${time}:00+09:00`)).toISOString();

describe('retentionFigures', () => {
	it('counts a visit as leaving with a next visit when the next was booked by the end of that day', () => {
		const rows = retentionFigures(
			[
				visit('p1', '2026-04-01'),
				visit('p1', '2026-04-08', 'sato', { createdAt: bookedOn('2026-04-01', '23:59') }),
				visit('p2', '2026-04-02'),
				visit('p2', '2026-04-20', 'sato', { createdAt: bookedOn('2026-04-03') })
			],
			period,
			NOW
		);
		const clinic = rows.find((r) => r.practitionerId === null)!;
		// p1's first visit: yes; p1's second: no; p2's first: no (booked the next day); p2's second: no.
		expect(clinic.nextBooked).toEqual({ n: 4, hits: 1, rate: 0.25 });
	});

	it('counts a next visit that was later cancelled, since it was booked when the patient left', () => {
		const rows = retentionFigures(
			[visit('p1', '2026-04-01'), visit('p1', '2026-04-15', 'sato', { attended: false, cancelled: true, createdAt: bookedOn('2026-04-01') })],
			period,
			NOW
		);
		expect(rows[0]!.nextBooked).toEqual({ n: 1, hits: 1, rate: 1 });
	});

	it('measures the return of new patients within 30, 60 and 90 days, crediting the first practitioner', () => {
		const rows = retentionFigures(
			[
				visit('new-fast', '2026-04-05', 'sato'),
				visit('new-fast', '2026-04-25', 'kato'),
				visit('new-slow', '2026-04-10', 'sato'),
				visit('new-slow', '2026-06-25', 'sato'),
				visit('new-gone', '2026-04-12', 'kato'),
				visit('old', '2026-03-01', 'kato'),
				visit('old', '2026-04-03', 'kato')
			],
			period,
			NOW
		);
		const sato = rows.find((r) => r.practitionerId === 'sato')!;
		expect(sato.returnWithin[30]).toEqual({ n: 2, hits: 1, rate: 0.5 });
		expect(sato.returnWithin[90]).toEqual({ n: 2, hits: 2, rate: 1 });
		const kato = rows.find((r) => r.practitionerId === 'kato')!;
		expect(kato.returnWithin[90]).toEqual({ n: 1, hits: 0, rate: 0 });
		expect(rows.find((r) => r.practitionerId === null)!.returnWithin[60]).toEqual({ n: 3, hits: 1, rate: 1 / 3 });
	});

	it('leaves out new patients whose window has not closed yet', () => {
		const rows = retentionFigures([visit('new', '2026-04-20')], period, Date.parse('2026-06-01T00:00:00Z'));
		expect(rows[0]!.returnWithin[30].n).toBe(1);
		expect(rows[0]!.returnWithin[60].n).toBe(0);
		expect(rows[0]!.returnWithin[90]).toEqual({ n: 0, hits: 0, rate: null });
	});

	it('averages the days between consecutive visits whose later visit is in the period', () => {
		const rows = retentionFigures(
			[visit('p', '2026-03-25'), visit('p', '2026-04-01'), visit('p', '2026-04-15'), visit('q', '2026-04-02', 'kato')],
			period,
			NOW
		);
		expect(rows.find((r) => r.practitionerId === null)!.interval).toEqual({ n: 2, meanDays: 10.5 });
		expect(rows.find((r) => r.practitionerId === 'kato')!.interval).toEqual({ n: 0, meanDays: null });
	});

	it('ignores visits outside the period and appointments never attended', () => {
		const rows = retentionFigures([visit('p', '2026-05-02'), visit('q', '2026-04-02', 'sato', { attended: false })], period, NOW);
		expect(rows).toEqual([
			{
				practitionerId: null,
				nextBooked: { n: 0, hits: 0, rate: null },
				returnWithin: { 30: { n: 0, hits: 0, rate: null }, 60: { n: 0, hits: 0, rate: null }, 90: { n: 0, hits: 0, rate: null } },
				interval: { n: 0, meanDays: null }
			}
		]);
	});
});
