import type { CheckIn } from '../outcomes/check-in';
import type { ReportAppointment, ReportCharge, ReportInputs, ReportPayment, ReportSession } from './report-inputs';
import type { ReportPeriod } from './report-period';

/*
 * A known fortnight, counted by hand (the expected figures are in clinic-report.test.ts and the
 * database test repeats them). Times are written in Tokyo time; the clinic opens Mon–Sat 9–18,
 * A works Mon–Fri 9–17, B Tue and Thu 13–18 with 13–15 off on Thu 3 June, and Thu 10 June is
 * closed.
 */
export const FIXTURE_PERIOD: ReportPeriod = { from: '2027-06-01', to: '2027-06-14', timeZone: 'Asia/Tokyo' };

export const jst = (day: string, time: string) => new Date(`${day}T${time}:00+09:00`).toISOString();

type Row = [
	id: string,
	patient: string | null,
	practitioner: string,
	bed: string | null,
	day: string,
	start: string,
	end: string,
	status: ReportAppointment['status']
];
export const FIXTURE_APPOINTMENTS: Row[] = [
	['a1', 'p1', 'A', 'bed1', '2027-06-01', '10:00', '11:00', 'completed'],
	['a2', 'p2', 'A', 'bed1', '2027-06-01', '10:30', '11:30', 'completed'],
	['a3', 'p1', 'A', 'bed2', '2027-06-02', '16:30', '17:30', 'completed'],
	['a4', 'p3', 'B', 'bed2', '2027-06-03', '13:00', '14:00', 'no_show'],
	['a5', 'p3', 'B', null, '2027-06-08', '14:00', '15:00', 'cancelled'],
	['a6', 'p2', 'A', 'bed1', '2027-06-09', '09:00', '10:00', 'arrived'],
	['a7', 'p4', 'A', 'bed1', '2027-06-14', '09:00', '09:45', 'booked'],
	['a8', null, 'A', null, '2027-06-04', '12:00', '13:00', 'blocked'],
	['a9', 'p2', 'A', 'bed1', '2027-05-31', '10:00', '11:00', 'completed'],
	['a10', 'p5', 'A', null, '2027-06-01', '00:30', '01:30', 'completed']
];

export const fixtureAppointments = (): ReportAppointment[] =>
	FIXTURE_APPOINTMENTS.map(([id, patientId, practitionerId, bedId, day, start, end, status]) => ({
		id,
		patientId,
		practitionerId,
		bedId,
		serviceId: 'S1',
		startsAt: jst(day, start),
		endsAt: jst(day, end),
		status
	}));

const line = (kind: 'service' | 'add_on' | 'insurance_fee', serviceId: string | null, nameJa: string, amountJpy: number) => ({
	kind,
	serviceId,
	nameJa,
	nameEn: nameJa,
	amountJpy
});
export const FIXTURE_CHARGES: ReportCharge[] = [
	{
		id: 'c1',
		serviceDate: '2027-06-01',
		practitionerId: 'A',
		payer: 'self_pay',
		chargedJpy: 6600,
		dueJpy: 6600,
		voided: false,
		lines: [line('service', 'S1', '鍼治療', 5500), line('add_on', 'S2', 'お灸', 1100)]
	},
	{
		id: 'c2',
		serviceDate: '2027-06-02',
		practitionerId: 'A',
		payer: 'insurance',
		chargedJpy: 3560,
		dueJpy: 1068,
		voided: false,
		lines: [line('insurance_fee', null, '初検料', 1950), line('insurance_fee', null, '施術料', 1610)]
	},
	{
		id: 'c3',
		serviceDate: '2027-06-09',
		practitionerId: 'A',
		payer: 'self_pay',
		chargedJpy: 5500,
		dueJpy: 5500,
		voided: true,
		lines: [line('service', 'S1', '鍼治療', 5500)]
	},
	{
		id: 'c4',
		serviceDate: '2027-05-20',
		practitionerId: 'B',
		payer: 'self_pay',
		chargedJpy: 5500,
		dueJpy: 5500,
		voided: false,
		lines: [line('service', 'S1', '鍼治療', 5500)]
	},
	{
		id: 'c5',
		serviceDate: '2027-06-15',
		practitionerId: 'A',
		payer: 'self_pay',
		chargedJpy: 5500,
		dueJpy: 5500,
		voided: false,
		lines: [line('service', 'S1', '鍼治療', 5500)]
	}
];

export const FIXTURE_PAYMENTS: ReportPayment[] = [
	{ chargeId: 'c1', kind: 'payment', amountJpy: 6600, receivedOn: '2027-06-01' },
	{ chargeId: 'c2', kind: 'payment', amountJpy: 1000, receivedOn: '2027-06-02' },
	{ chargeId: 'c3', kind: 'payment', amountJpy: 5500, receivedOn: '2027-06-09' },
	{ chargeId: 'c3', kind: 'refund', amountJpy: 5500, receivedOn: '2027-06-09' },
	{ chargeId: 'c4', kind: 'payment', amountJpy: 2000, receivedOn: '2027-06-03' }
];

const checkIn = (id: string, at: string, source: CheckIn['source'], legPain: number, appointmentId: string | null = null): CheckIn => ({
	id,
	recordedAt: at,
	source,
	appointmentId,
	legPain,
	backPain: null,
	psfs: null,
	sbi: null,
	pgic: null
});
/** p1 improves by 2 points at the second session; p2 by 1 point only; p5 starts at 0 and is left out. */
export const FIXTURE_CHECK_INS = new Map<string, CheckIn[]>([
	['p1', [checkIn('k1', jst('2027-05-28', '12:00'), 'intake', 6), checkIn('k2', jst('2027-06-02', '16:30'), 'session', 4, 'a3')]],
	[
		'p2',
		[
			checkIn('k3', jst('2027-05-30', '12:00'), 'intake', 5),
			checkIn('k4', jst('2027-06-05', '12:00'), 'portal', 4),
			checkIn('k5', jst('2027-06-09', '09:00'), 'session', 4, 'a6')
		]
	],
	['p5', [checkIn('k6', jst('2027-05-31', '12:00'), 'intake', 0)]]
]);

export function fixtureInputs(): ReportInputs {
	const appointments = fixtureAppointments();
	const attended = appointments.filter((a) => a.status === 'arrived' || a.status === 'completed');
	const sessions: ReportSession[] = attended.map((a) => ({ id: a.id, patientId: a.patientId!, practitionerId: a.practitionerId, startsAt: a.startsAt }));
	const weekdays = (days: number[], start: string, end: string) => days.map((weekday) => ({ weekday, start, end }));
	return {
		appointments,
		firstVisits: [
			{ patientId: 'p1', startsAt: jst('2027-06-01', '10:00'), practitionerId: 'A' },
			{ patientId: 'p2', startsAt: jst('2027-05-31', '10:00'), practitionerId: 'A' },
			{ patientId: 'p5', startsAt: jst('2027-06-01', '00:30'), practitionerId: 'A' }
		],
		practitioners: [
			{ id: 'A', nameJa: '鈴木', nameEn: 'Suzuki', workingHours: weekdays([1, 2, 3, 4, 5], '09:00', '17:00'), timeOff: [] },
			{
				id: 'B',
				nameJa: '佐藤',
				nameEn: 'Sato',
				workingHours: weekdays([2, 4], '13:00', '18:00'),
				timeOff: [{ start: Date.parse(jst('2027-06-03', '13:00')), end: Date.parse(jst('2027-06-03', '15:00')) }]
			}
		],
		beds: [
			{ id: 'bed1', nameJa: 'ベッド1', nameEn: 'Bed 1' },
			{ id: 'bed2', nameJa: 'ベッド2', nameEn: 'Bed 2' }
		],
		services: [
			{ id: 'S1', nameJa: '鍼治療', nameEn: 'Acupuncture' },
			{ id: 'S2', nameJa: 'お灸', nameEn: 'Moxibustion' }
		],
		openingHours: weekdays([1, 2, 3, 4, 5, 6], '09:00', '18:00'),
		closedDates: ['2027-06-10'],
		charges: FIXTURE_CHARGES,
		payments: FIXTURE_PAYMENTS,
		checkIns: FIXTURE_CHECK_INS,
		sessions
	};
}

/** The hand count for FIXTURE_PERIOD. */
export const FIXTURE_EXPECTED = {
	visitsPerWeek: [
		{ week: '2027-05-31', visits: 4 },
		{ week: '2027-06-07', visits: 1 },
		{ week: '2027-06-14', visits: 0 }
	],
	visits: 5,
	newPatients: 2,
	appointments: 8,
	cancellations: 1,
	noShows: 1,
	// A: 9 working days × 480; 10:00–11:30 + 16:30–17:00 + 9:00–10:00 on the 9th + 45 on the 14th.
	practitionerA: { bookedMinutes: 225, workingMinutes: 4320 },
	// B: 3 days × 300 less 120 off; the no-show fell in the time off.
	practitionerB: { bookedMinutes: 0, workingMinutes: 780 },
	// 11 open days × 540.
	bed1: { bookedMinutes: 195, workingMinutes: 5940 },
	bed2: { bookedMinutes: 120, workingMinutes: 5940 },
	chargedJpy: 10160,
	receivedJpy: 9600,
	outstandingJpy: 3568
} as const;
