import { describe, expect, it } from 'vitest';
import { doctorTreatmentsBlocking } from './doctor-treatment';

const t = (condition: 'neuralgia' | 'lumbago', sinceOn: string, endedOn: string | null = null) => ({
	id: `${condition}-${sinceOn}`,
	condition,
	sinceOn,
	endedOn
});

describe('doctorTreatmentsBlocking', () => {
	it('blocks the consented condition from the day the doctor began treating it', () => {
		const list = [t('neuralgia', '2027-05-10')];
		expect(doctorTreatmentsBlocking(list, ['neuralgia'], '2027-05-09')).toEqual([]);
		expect(doctorTreatmentsBlocking(list, ['neuralgia'], '2027-05-10')).toEqual(list);
		expect(doctorTreatmentsBlocking(list, ['neuralgia', 'lumbago'], '2028-01-01')).toEqual(list);
	});

	it('does not block another condition, nor a day after the treatment ended', () => {
		expect(doctorTreatmentsBlocking([t('lumbago', '2027-05-10')], ['neuralgia'], '2027-05-20')).toEqual([]);
		const ended = [t('neuralgia', '2027-05-10', '2027-05-31')];
		expect(doctorTreatmentsBlocking(ended, ['neuralgia'], '2027-05-31')).toEqual(ended);
		expect(doctorTreatmentsBlocking(ended, ['neuralgia'], '2027-06-01')).toEqual([]);
	});
});
