import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { prepareDatabase } from '../app';
import { SYSTEM_ACTOR } from '../audit/audit-log';
import { readConfig } from '../config';
import { treatmentSummaryPdf } from './treatment-summary';

describeEachDatabase('the treatment summary PDF', (db) => {
	it('is written for the demo patient with a history, and audited; unknown patients get none', async () => {
		await prepareDatabase(db(), { ...readConfig({}), seedDemo: true });
		const patient = await db()
			.kysely.selectFrom('patient')
			.select(['id', 'patient_number'])
			.where('email', '=', 'patient5@example.jp')
			.executeTakeFirstOrThrow();
		const document = await treatmentSummaryPdf(db(), patient.id, 'ja', SYSTEM_ACTOR);
		expect(document!.filename).toBe(`施術のまとめ_${patient.patient_number}.pdf`);
		expect(document!.pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
		const audit = await db()
			.kysely.selectFrom('audit_log')
			.select('action')
			.where('patient_id', '=', patient.id)
			.where('action', '=', 'document.treatment_summary')
			.execute();
		expect(audit).toHaveLength(1);
		expect(await treatmentSummaryPdf(db(), '00000000-0000-4000-8000-000000000000', 'en', SYSTEM_ACTOR)).toBeNull();
	});
});
