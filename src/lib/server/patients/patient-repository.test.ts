import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { insertPatient as insertTestPatient } from '../portal/test-patients';
import {
	claimUnmergedPatients,
	findLivePatientsByEmail,
	findPatient,
	findPatients,
	isLivePatient,
	markPatientMerged,
	updatePatientRow
} from './patient-repository';

describeEachDatabase('the patient repository', (db) => {
	it('reads the asked columns, and leaves out merged and erased records only when asked to', async () => {
		const survivor = await insertTestPatient(db(), { email: 'Kazu@Example.jp ', givenName: '和夫' });
		const merged = await insertTestPatient(db(), { email: 'kazu@example.jp', givenName: '和夫', mergedInto: survivor });
		await updatePatientRow(db(), survivor, { erased_at: '2030-02-01T00:00:00.000Z' });

		expect(await findPatient(db(), merged, ['id', 'given_name'])).toEqual({ id: merged, given_name: '和夫' });
		expect(await findPatient(db(), merged, ['id'], { live: true })).toBeUndefined();
		expect(await isLivePatient(db(), merged)).toBe(false);
		expect(await isLivePatient(db(), survivor)).toBe(true);
		expect(await findPatient(db(), survivor, ['id'], { notErased: true })).toBeUndefined();
		expect(await findPatient(db(), 'no-such-patient', ['id'])).toBeUndefined();
		expect((await findPatients(db(), [survivor, merged, 'no-such-patient'], ['id'])).map((p) => p.id).sort()).toEqual([survivor, merged].sort());
		expect(await findPatients(db(), [], ['id'])).toEqual([]);
		expect((await findLivePatientsByEmail(db(), 'kazu@example.jp', ['id'])).map((p) => p.id)).toEqual([survivor]);
	});

	it('claims only records not merged yet, and marks a merged record with its survivor', async () => {
		const a = await insertTestPatient(db(), { email: '', givenName: '一郎' });
		const b = await insertTestPatient(db(), { email: '', givenName: '次郎' });
		expect(await claimUnmergedPatients(db(), [a, b])).toBe(2);
		await markPatientMerged(db(), b, a, '2030-03-01T00:00:00.000Z');
		expect(await findPatient(db(), b, ['merged_into_id', 'updated_at'])).toEqual({ merged_into_id: a, updated_at: '2030-03-01T00:00:00.000Z' });
		expect(await claimUnmergedPatients(db(), [a, b])).toBe(1);
	});
});
