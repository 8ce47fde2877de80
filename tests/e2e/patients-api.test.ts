import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startPostgresServer, type PostgresServer } from '../support/postgres-server';
import { demoPasswordsFrom } from '../support/server-process';
import { staffCookie } from '../support/staff-session';

/* `GET /api/v1/patients?q=` as the contract states it, on SQLite (the shared server) and PostgreSQL. */

let postgresServer: PostgresServer | undefined;

beforeAll(async () => {
	postgresServer = await startPostgresServer('patients_api', { LOG_LEVEL: 'silent' });
});
afterAll(async () => {
	await postgresServer?.dispose();
});

const CONTRACT_KEYS = ['dateOfBirth', 'familyName', 'familyNameKana', 'givenName', 'givenNameKana', 'id'];

for (const engine of ['sqlite', 'postgres'] as const) {
	describe(`patient search API on ${engine}`, () => {
		const base = () => (engine === 'sqlite' ? inject('baseUrl') : postgresServer!.baseUrl);
		const passwords = () => (engine === 'sqlite' ? inject('demoPasswords') : demoPasswordsFrom(postgresServer!.output()));
		const search = (query: string, cookie?: string) =>
			fetch(`${base()}/api/v1/patients${query}`, { headers: { 'accept-language': 'en', ...(cookie ? { cookie } : {}) } });
		let practitioner = '';

		beforeAll(async () => {
			practitioner = await staffCookie(base(), 'practitioner@example.jp', passwords()['practitioner@example.jp']);
		});

		it('finds a demo patient by kana, romaji and phone for a practitioner, in the contract shape only', async () => {
			for (const q of ['やまだ', 'yamada', '09000000001']) {
				const response = await search(`?q=${encodeURIComponent(q)}`, practitioner);
				expect(response.status, q).toBe(200);
				expect(response.headers.get('content-type')).toContain('application/json');
				expect(response.headers.get('cache-control')).toBe('no-store');
				const body = await response.json();
				expect(Array.isArray(body)).toBe(true);
				expect(body, q).toContainEqual({
					id: expect.stringMatching(/^[0-9a-f-]{36}$/),
					familyName: '山田',
					givenName: '花子',
					familyNameKana: 'ヤマダ',
					givenNameKana: 'ハナコ',
					dateOfBirth: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/)
				});
				for (const patient of body) expect(Object.keys(patient).sort()).toEqual(CONTRACT_KEYS);
			}
		});

		it('answers an empty list for a name not on the register', async () => {
			const response = await search(`?q=${encodeURIComponent('わたなべ')}`, practitioner);
			expect(response.status).toBe(200);
			expect(await response.json()).toEqual([]);
		});

		it('answers a missing, empty or over-long query with 422 in the contract error shape', async () => {
			for (const query of ['', '?q=', `?q=${encodeURIComponent('   ')}`, `?q=${'a'.repeat(101)}`]) {
				const response = await search(query, practitioner);
				expect(response.status, query).toBe(422);
				const body = await response.json();
				expect(body, query).toEqual({ error: { code: 'validation_failed', message: expect.any(String), fields: { q: expect.any(String) } } });
			}
			expect((await (await search('', practitioner)).json()).error.fields.q).toBe('This field is required.');
		});

		it('refuses reception with 403 and an anonymous client with 401, both in the contract error shape', async () => {
			const reception = await staffCookie(base(), 'reception@example.jp', passwords()['reception@example.jp']);
			const forbidden = await search('?q=yamada', reception);
			expect(forbidden.status).toBe(403);
			expect(await forbidden.json()).toEqual({ error: { code: 'forbidden', message: expect.any(String) } });
			const anonymous = await search('?q=yamada');
			expect(anonymous.status).toBe(401);
			expect(await anonymous.json()).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
		});
	});
}
