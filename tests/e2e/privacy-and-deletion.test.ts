import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/lib/server/db/database';
import { staffCookie } from '../support/staff-session';
import { builtServerEntry, demoPasswordsFrom, startBuiltServer, type ServerProcess } from '../support/server-process';

/*
 * Issue 15, "Retention and deletion that do what they say" and "Words", against the built server
 * with no JavaScript: the privacy page names the business operator from the clinic's settings (as
 * the APPI requires) and says how sign-in really works; the owner's deletion page shows each duty
 * and what "done" deletes, and marking a request done deletes it. The server is its own, because
 * the test changes the clinic's settings and enrols the owner's authenticator.
 */

let server: ServerProcess;
let db: Db;
let base = '';
let owner = '';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shinkyu-privacy-'));

function request(pathname: string, cookie = '', init: RequestInit = {}): Promise<Response> {
	return fetch(`${base}${pathname}`, { redirect: 'manual', ...init, headers: { ...(cookie ? { cookie } : {}), ...init.headers } });
}

function formPost(pathname: string, fields: Record<string, string>, cookie: string): Promise<Response> {
	return request(pathname, cookie, {
		method: 'POST',
		headers: { origin: base, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(fields)
	});
}

/** The text of a page, tags and the privacy page's line breaks aside. */
async function textOf(pathname: string, cookie = ''): Promise<string> {
	const response = await request(pathname, cookie);
	expect(response.status, pathname).toBe(200);
	const text = (await response.text()).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
	return text
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&');
}

beforeAll(async () => {
	expect(fs.existsSync(builtServerEntry()), 'build the server first').toBe(true);
	server = await startBuiltServer({ DATA_DIR: dataDir, RATE_LIMITS: 'off' });
	base = server.baseUrl;
	db = openDatabase({ sqliteFile: path.join(dataDir, 'shinkyu.sqlite') });
	owner = await staffCookie(base, 'owner@example.jp', demoPasswordsFrom(server.output())['owner@example.jp']);
}, 120_000);

afterAll(async () => {
	await db?.close();
	await server?.stop();
	fs.rmSync(dataDir, { recursive: true, force: true });
});

const DETAILS = {
	nameJa: 'みなと鍼灸院',
	nameEn: 'Minato Acupuncture',
	postalCode: '105-0011',
	addressJa: '東京都港区芝公園1-1-1',
	addressEn: '1-1-1 Shibakoen, Minato-ku, Tokyo',
	phone: '03-1111-2222',
	email: 'info@example.jp',
	accessJa: '',
	accessEn: ''
};

describe('the privacy page', () => {
	it('names the demo clinic and its operator, a sole proprietor, from the settings', async () => {
		const ja = await textOf('/privacy');
		expect(ja).toContain('フジウェルネス鍼灸院（以下「当院」）');
		expect(ja).toMatch(/名称：藤田 誠/);
		expect(ja).toContain('住所：〒132-0031 東京都江戸川区松島1丁目21-14');
		expect(ja).not.toContain('代表者');
		expect(ja).not.toMatch(/\{\{|\}\}/);
		const en = await textOf('/en/privacy');
		expect(en).toContain('Fuji Wellness Acupuncture ("the clinic")');
		expect(en).toContain('Business operator: Makoto Fujita');
	});

	it('says how staff and patients really sign in', async () => {
		const ja = await textOf('/privacy');
		// Every role signs in in two steps unless the owner spares reception (issue 16).
		expect(ja).toContain('スタッフのログインは、パスワードと、認証アプリ');
		expect(ja).toContain('ワンタイムコード（TOTP）');
		expect(ja).toContain('1回だけ使えるリンク');
		expect(ja).toContain('有効時間は15分（ご予約の確認メールのリンクは7日）');
		expect(ja).not.toContain('多要素認証を使っています');
	});

	it('follows the owner’s settings: a company, its representative and its own address, and two steps for all staff', async () => {
		const saved = await formPost(
			'/staff/settings?/details',
			{
				...DETAILS,
				operatorNameJa: '株式会社みなとヘルス',
				operatorNameEn: 'Minato Health K.K.',
				representativeJa: '代表取締役 港 一郎',
				representativeEn: 'Ichiro Minato, Representative Director',
				operatorAddressJa: '東京都港区芝2-2-2',
				operatorAddressEn: '2-2-2 Shiba, Minato-ku, Tokyo'
			},
			owner
		);
		expect(saved.status).toBe(200);

		const ja = await textOf('/privacy');
		expect(ja).toContain('みなと鍼灸院（以下「当院」）');
		expect(ja).toContain('名称：株式会社みなとヘルス');
		expect(ja).toContain('代表者：代表取締役 港 一郎');
		expect(ja).toContain('住所：東京都港区芝2-2-2');
		expect(ja).not.toContain('フジウェルネス');
		expect(ja).toContain('スタッフのログインは、パスワードと、認証アプリ');
		const html = await (await request('/privacy')).text();
		expect(html).toMatch(/<meta name="description" content="みなと鍼灸院が、/);
		const en = await textOf('/en/privacy');
		expect(en).toContain('Representative: Ichiro Minato, Representative Director');
		expect(en).toContain('Address: 2-2-2 Shiba, Minato-ku, Tokyo');
	});

	it('escapes what the owner typed', async () => {
		await formPost('/staff/settings?/details', { ...DETAILS, operatorNameJa: '<script>alert(1)</script>' }, owner);
		const html = await (await request('/privacy')).text();
		expect(html).toContain('名称：&lt;script&gt;alert(1)&lt;/script&gt;');
		expect(html).not.toContain('<script>alert(1)</script>');
	});
});

describe('a deletion request, answered without JavaScript', () => {
	it('shows the owner each duty and what “done” deletes, then deletes it', async () => {
		const staff = await db.kysely.selectFrom('staff').select('id').where('email', '=', 'owner@example.jp').executeTakeFirstOrThrow();
		const practitioner = await db.kysely.selectFrom('practitioner').select('id').executeTakeFirstOrThrow();
		const patientId = randomUUID();
		const at = new Date(Date.now() - 30 * 86_400_000).toISOString();
		const later = new Date(Date.now() + 30 * 86_400_000).toISOString();
		await db.kysely
			.insertInto('patient')
			.values({
				id: patientId,
				patient_number: 'P-DEL-001',
				family_name: '削除',
				given_name: '希望',
				family_name_kana: 'サクジョ',
				given_name_kana: 'キボウ',
				email: 'delete-me@example.jp',
				phone: '090-0000-1111',
				date_of_birth: '1970-01-01',
				preferred_locale: 'ja',
				created_at: at
			})
			.execute();
		const appointment = (start: string, status: 'completed' | 'booked') => {
			const end = new Date(Date.parse(start) + 45 * 60_000).toISOString();
			return {
				id: randomUUID(),
				patient_id: patientId,
				practitioner_id: practitioner.id,
				bed_id: null,
				service_id: null,
				starts_at: start,
				ends_at: end,
				held_until: end,
				status,
				source: 'staff' as const,
				first_visit: 0,
				triage: null,
				manage_token_hash: null,
				locale: 'ja' as const,
				created_at: at,
				cancelled_at: null
			};
		};
		const visit = appointment(at, 'completed');
		const booked = appointment(later, 'booked');
		await db.kysely.insertInto('appointment').values([visit, booked]).execute();
		await db.kysely
			.insertInto('treatment_session')
			.values({
				id: randomUUID(),
				patient_id: patientId,
				appointment_id: visit.id,
				practitioner_staff_id: staff.id,
				bed_id: null,
				started_at: at,
				closed_at: at,
				pre_leg_pain: null,
				pre_back_pain: null,
				check_in_id: null,
				timer_started_at: null,
				created_at: at,
				updated_at: at
			})
			.execute();
		const requestId = randomUUID();
		await db.kysely
			.insertInto('deletion_request')
			.values({ id: requestId, patient_id: patientId, created_at: at, reason: '転居のため', status: 'open', handled_at: null, handled_by: null })
			.execute();

		const page = await textOf('/staff/deletion-requests', owner);
		expect(page).toMatch(/施術録：最後の施術（[^）]+）から5年、[^ ]+ まで保存が必要です（受領委任の取扱規程/);
		expect(page).toContain('「対応済み」にすると削除するもの');
		expect(page).toContain('予約・来院：1件');
		expect(page).toMatch(/施術記録：1件（施術録、[^）]+ まで）/);

		const done = await formPost('/staff/deletion-requests?/resolve', { id: requestId, status: 'done', response: '保存義務のない記録を削除しました。' }, owner);
		expect(done.status).toBe(200);
		const appointments = await db.kysely.selectFrom('appointment').select('id').where('patient_id', '=', patientId).execute();
		expect(appointments).toEqual([{ id: visit.id }]);
		const person = await db.kysely.selectFrom('patient').select(['family_name', 'email', 'erased_at']).where('id', '=', patientId).executeTakeFirstOrThrow();
		expect(person.family_name).toBe('削除');
		expect(person.email).toBe('');
		expect(person.erased_at).not.toBeNull();
		const handled = await textOf('/staff/deletion-requests', owner);
		expect(handled).toContain('保存義務のない記録を削除しました。');
	});
});
