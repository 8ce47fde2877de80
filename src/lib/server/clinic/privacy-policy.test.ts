import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { seedDemoClinic } from '../seed/demo-clinic';
import { privacyPolicyValues } from './privacy-policy';

describeEachDatabase('what the privacy page says about this clinic', (db) => {
	beforeAll(async () => {
		await seedDemoClinic(db());
	});

	it('names the operator from the settings, with no representative for a sole proprietor', async () => {
		expect(await privacyPolicyValues(db(), 'ja')).toMatchObject({
			clinicName: 'フジウェルネス鍼灸院',
			operatorName: '藤田 誠',
			representative: '',
			operatorAddress: '〒132-0031 東京都江戸川区松島1丁目21-14'
		});
		expect(await privacyPolicyValues(db(), 'en')).toMatchObject({
			clinicName: 'Fuji Wellness Acupuncture',
			operatorName: 'Makoto Fujita',
			operatorAddress: '〒132-0031 1-21-14 Matsushima, Edogawa-ku, Tokyo'
		});
	});

	it('falls back to the clinic’s name and address when the owner left the operator empty', async () => {
		await db().kysely.updateTable('clinic').set({ operator_name_ja: '  ', representative_ja: '代表取締役 藤田 誠', operator_address_ja: '' }).execute();
		expect(await privacyPolicyValues(db(), 'ja')).toMatchObject({
			operatorName: 'フジウェルネス鍼灸院',
			representative: '代表取締役 藤田 誠',
			operatorAddress: '〒132-0031 東京都江戸川区松島1丁目21-14'
		});
	});

	it('describes sign-in by the same rule the sign-in follows, and the patients’ single-use link with its real lifetimes', async () => {
		// The owner may spare reception only; every other role always signs in in two steps.
		await db().kysely.updateTable('clinic').set({ reception_totp_optional: 1 }).execute();
		const some = await privacyPolicyValues(db(), 'ja');
		expect(some.staffSignIn).toMatch(/^院長（管理者）・施術者のログインは、パスワードと、認証アプリ/);
		await db().kysely.updateTable('clinic').set({ reception_totp_optional: 0 }).execute();
		expect((await privacyPolicyValues(db(), 'ja')).staffSignIn).toMatch(/^スタッフのログインは、パスワードと、認証アプリ/);
		expect(some.patientSignIn).toContain('1回だけ使えるリンク');
		expect(some.patientSignIn).toContain('有効時間は15分（ご予約の確認メールのリンクは7日）で、30分操作がないと');
	});
});
