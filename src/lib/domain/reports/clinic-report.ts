import { activityFigures, type ActivityFigures } from './activity';
import { outcomeFigures, type OutcomeGroup } from './outcome-figures';
import type { ReportInputs } from './report-inputs';
import { periodInstants, type ReportPeriod } from './report-period';
import { moneyFigures, type MoneyFigures } from './revenue';
import { utilisationFigures, type Utilisation } from './utilisation';

export interface ClinicReport {
	period: ReportPeriod;
	activity: ActivityFigures;
	utilisation: { practitioners: Utilisation[]; beds: Utilisation[] };
	money: MoneyFigures;
	outcomes: OutcomeGroup[];
}

/** Every figure of the owner's report from the period's facts. */
export function clinicReport(inputs: ReportInputs, period: ReportPeriod): ClinicReport {
	const end = new Date(periodInstants(period).end).toISOString();
	return {
		period,
		activity: activityFigures(inputs.appointments, inputs.firstVisits, period),
		utilisation: utilisationFigures(period, inputs.openingHours, inputs.closedDates, inputs.practitioners, inputs.beds, inputs.appointments),
		money: moneyFigures(inputs.charges, inputs.payments, inputs.practitioners, period),
		outcomes: outcomeFigures(inputs.checkIns, inputs.sessions, inputs.practitioners, period, end)
	};
}
