import type { NamedResource, ReportCharge, ReportPayment } from './report-inputs';
import { isDayInPeriod, type ReportPeriod } from './report-period';

export interface RevenueRow {
	/** A service id, or 'insurance_fee' for every 療養費 line together. */
	key: string;
	nameJa: string;
	nameEn: string;
	amountJpy: number;
	/** Charges (visits) the amount comes from. */
	charges: number;
}

export interface OutstandingCharge {
	chargeId: string;
	serviceDate: string;
	balanceJpy: number;
}

export interface MoneyFigures {
	/** Charged in the period, voided charges left out. */
	chargedJpy: number;
	byService: RevenueRow[];
	byPractitioner: RevenueRow[];
	/** Payments less refunds received in the period, on any charge. */
	receivedJpy: number;
	/** Still owed at the end of the period, on charges up to then; oldest first. */
	outstanding: OutstandingCharge[];
	outstandingJpy: number;
}

export const INSURANCE_FEE_KEY = 'insurance_fee';
const UNKNOWN = { nameJa: '（担当なし）', nameEn: '(no practitioner)' };

function addTo(
	rows: Map<string, RevenueRow>,
	key: string,
	names: { nameJa: string; nameEn: string },
	amountJpy: number,
	chargeId: string,
	counted: Map<string, Set<string>>
) {
	const row = rows.get(key) ?? { key, ...names, amountJpy: 0, charges: 0 };
	row.amountJpy += amountJpy;
	const seen = counted.get(key) ?? new Set<string>();
	if (!seen.has(chargeId)) row.charges += 1;
	seen.add(chargeId);
	counted.set(key, seen);
	rows.set(key, row);
}

const byAmount = (a: RevenueRow, b: RevenueRow) => b.amountJpy - a.amountJpy || a.key.localeCompare(b.key);

/** Revenue by service and by practitioner (charges minus voids), payments received and balances. */
export function moneyFigures(
	charges: readonly ReportCharge[],
	payments: readonly ReportPayment[],
	practitioners: readonly NamedResource[],
	period: ReportPeriod
): MoneyFigures {
	const live = charges.filter((c) => !c.voided);
	const inPeriod = live.filter((c) => isDayInPeriod(c.serviceDate, period));
	const byService = new Map<string, RevenueRow>();
	const serviceCounted = new Map<string, Set<string>>();
	const byPractitioner = new Map<string, RevenueRow>();
	const practitionerCounted = new Map<string, Set<string>>();
	const names = new Map(practitioners.map((p) => [p.id, p]));
	for (const charge of inPeriod) {
		for (const line of charge.lines) {
			const key = line.kind === 'insurance_fee' ? INSURANCE_FEE_KEY : (line.serviceId ?? `line:${line.nameJa}`);
			const lineNames = line.kind === 'insurance_fee' ? { nameJa: '療養費', nameEn: 'Insurance (ryōyōhi)' } : line;
			addTo(byService, key, { nameJa: lineNames.nameJa, nameEn: lineNames.nameEn }, line.amountJpy, charge.id, serviceCounted);
		}
		const practitioner = charge.practitionerId ? names.get(charge.practitionerId) : undefined;
		addTo(byPractitioner, charge.practitionerId ?? '-', practitioner ?? UNKNOWN, charge.chargedJpy, charge.id, practitionerCounted);
	}
	const paidBy = new Map<string, number>();
	let receivedJpy = 0;
	for (const p of payments) {
		const signed = p.kind === 'payment' ? p.amountJpy : -p.amountJpy;
		if (p.receivedOn <= period.to) paidBy.set(p.chargeId, (paidBy.get(p.chargeId) ?? 0) + signed);
		if (isDayInPeriod(p.receivedOn, period)) receivedJpy += signed;
	}
	const outstanding = live
		.filter((c) => c.serviceDate <= period.to)
		.map((c) => ({ chargeId: c.id, serviceDate: c.serviceDate, balanceJpy: c.dueJpy - (paidBy.get(c.id) ?? 0) }))
		.filter((c) => c.balanceJpy > 0)
		.sort((a, b) => a.serviceDate.localeCompare(b.serviceDate) || a.chargeId.localeCompare(b.chargeId));
	return {
		chargedJpy: inPeriod.reduce((sum, c) => sum + c.chargedJpy, 0),
		byService: [...byService.values()].sort(byAmount),
		byPractitioner: [...byPractitioner.values()].sort(byAmount),
		receivedJpy,
		outstanding,
		outstandingJpy: outstanding.reduce((sum, c) => sum + c.balanceJpy, 0)
	};
}
