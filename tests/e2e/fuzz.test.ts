import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/lib/server/db/database';
import { demoPasswordsFrom, startBuiltServer, type ServerProcess } from '../support/server-process';
import { formActions } from '../support/form-actions';
import { waitForDueJobs } from '../support/settled-jobs';
import { browserFormPost } from '../support/form-post';
import { waitForSignInLink } from '../support/sign-in-link';
import { startSmtpPeer, type SmtpPeer } from '../support/smtp-peer';
import { lineEnvFor, signWebhook, startLinePeer, type LinePeer } from '../support/line-peer';
import { staffCookie } from '../support/staff-session';

/*
 * Issue #9: every JSON API and every form action, fed malformed, oversized, wrongly typed,
 * Unicode-edge and injection-shaped input by fast-check, as a visitor, staff and a patient. No
 * answer may be a 5xx, and a rejected request must leave the database as it was. The server is
 * its own (limits off), so its SQLite file can be read between requests.
 */

let server: ServerProcess;
let db: Db;
let mailPeer: SmtpPeer;
let linePeer: LinePeer;
let dataDir = '';
let base = '';
const formPost = (pathname: string, fields: Record<string, string>, cookie: string) => browserFormPost(base, pathname, fields, cookie);
const identities: Record<'visitor' | 'practitioner' | 'reception' | 'patient', string> = { visitor: '', practitioner: '', reception: '', patient: '' };
let patientId = '';
const tried = new Map<string, { requests: number; serverErrors: number }>();

/**
 * Tables a refused request may still write: the audit trail, and the count of failed sign-ins that
 * locks an account after too many (both are the point of refusing).
 */
const MAY_CHANGE_ON_REFUSAL = new Set(['audit_log', 'login_throttle']);
let tables: string[] = [];

async function snapshot(): Promise<Record<string, number>> {
	const counts = tables.map((t) => `(select count(*) from "${t}") as "${t}"`).join(', ');
	const result = await sql.raw<Record<string, number>>(`select ${counts}`).execute(db.kysely);
	return result.rows[0]!;
}

beforeAll(async () => {
	dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shinkyu-fuzz-'));
	mailPeer = await startSmtpPeer();
	// LINE set up (against a local peer), so its webhook and portal forms are fuzzed too (issue #20).
	linePeer = await startLinePeer();
	server = await startBuiltServer({ DATA_DIR: dataDir, RATE_LIMITS: 'off', SMTP_URL: mailPeer.url, ...lineEnvFor(linePeer) });
	base = server.baseUrl;
	db = openDatabase({ sqliteFile: path.join(dataDir, 'shinkyu.sqlite') });
	const rows = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db.kysely);
	tables = rows.rows.map((r) => r.name).filter((t) => !MAY_CHANGE_ON_REFUSAL.has(t));
	const passwords = demoPasswordsFrom(server.output());
	identities.practitioner = await staffCookie(base, 'practitioner@example.jp', passwords['practitioner@example.jp']);
	identities.reception = await staffCookie(base, 'reception@example.jp', passwords['reception@example.jp']);
	identities.patient = await patientCookie('patient2@example.jp');
	const patient = await db.kysely.selectFrom('patient').select('id').where('email', '=', 'patient2@example.jp').executeTakeFirstOrThrow();
	patientId = patient.id;
	await waitForDueJobs(db);
});

afterAll(async () => {
	await db?.close();
	await server?.stop();
	await mailPeer?.close();
	await linePeer?.close();
	fs.rmSync(dataDir, { recursive: true, force: true });
	const lines = [...tried].map(([endpoint, t]) => `${endpoint}: ${t.requests} requests, ${t.serverErrors} 5xx`);
	console.log(`fuzz: ${[...tried.values()].reduce((n, t) => n + t.requests, 0)} requests over ${tried.size} endpoints\n${lines.join('\n')}`);
});

/** Signs a demo patient in the way a patient does: the link from the mail (here read from the mail server). */
async function patientCookie(email: string): Promise<string> {
	const since = mailPeer.received.length;
	const request = await formPost('/portal/login', { email }, '');
	expect(request.status).toBe(303);
	const link = await waitForSignInLink(mailPeer, email, since);
	expect(link, 'no sign-in link in the mail').toBeDefined();
	const signIn = await formPost(link!, {}, '');
	const cookie = signIn.headers.getSetCookie().find((c) => c.startsWith('shinkyu_patient='));
	expect(cookie, `no portal cookie (status ${signIn.status})`).toBeDefined();
	return cookie!.split(';')[0]!;
}

/** Sends one request and checks the two promises: no 5xx, and nothing kept from a refusal. */
async function probe(endpoint: string, send: () => Promise<Response>): Promise<void> {
	// Mail queued by an earlier, accepted request reaches the outbox when the worker runs it: let it
	// finish on both sides, so the worker's writes are not taken for this request's.
	await waitForDueJobs(db);
	const before = await snapshot();
	const response = await send();
	const body = await response.text();
	await waitForDueJobs(db);
	const record = tried.get(endpoint) ?? { requests: 0, serverErrors: 0 };
	tried.set(endpoint, record);
	record.requests++;
	if (response.status >= 500) record.serverErrors++;
	expect(response.status, `${endpoint} answered ${response.status}: ${body.slice(0, 300)}`).toBeLessThan(500);
	if (response.status >= 400) expect(await snapshot(), `${endpoint} kept writes from a ${response.status}`).toEqual(before);
}

const INJECTIONS = [
	"' OR '1'='1",
	'"; drop table patient; --',
	'<script>alert(1)</script>',
	'../../../../etc/passwd',
	'${7*7}{{7*7}}',
	'\u0000',
	'\uFEFF\u202E\u200D',
	'𠮷野家🙂‍↔️',
	'ｱｲｳｴｵ　全角',
	'-1',
	'1e309',
	'NaN',
	'2026-02-30',
	'9999-12-31T23:59:59+14:00',
	'null',
	'[]',
	'{}'
];

const text = fc.oneof(
	fc.constantFrom(...INJECTIONS),
	fc.string({ maxLength: 40 }),
	fc.string({ unit: 'grapheme', maxLength: 40 }),
	fc.string({ minLength: 5_000, maxLength: 20_000 }),
	fc.integer().map(String),
	fc.date({ noInvalidDate: true }).map((d) => d.toISOString())
);

const json = fc.oneof(
	fc.anything({ maxDepth: 3 }),
	fc.dictionary(
		fc.oneof(fc.constantFrom('serviceId', 'practitionerId', 'start', 'locale', 'patient', 'consent', 'email', 'password', 'answers'), fc.string()),
		fc.oneof(text, fc.anything({ maxDepth: 2 }))
	)
);

describe('JSON API under fuzzed input', () => {
	it('POST /api/v1/bookings', async () => {
		const services = await (await fetch(`${base}/api/v1/services`)).json();
		const validish = fc.record({
			serviceId: fc.oneof(fc.constantFrom(...services.map((s: { id: string }) => s.id)), text),
			practitionerId: fc.option(text),
			start: fc.oneof(
				text,
				fc.date({ noInvalidDate: true }).map((d) => d.toISOString())
			),
			locale: fc.oneof(fc.constantFrom('ja', 'en'), text),
			patient: fc.oneof(fc.record({ familyName: text, givenName: text, email: text, phone: text, dateOfBirth: fc.option(text) }), fc.anything({ maxDepth: 1 })),
			consent: fc.oneof(fc.constant({ privacy: true }), fc.anything({ maxDepth: 1 }))
		});
		await fc.assert(
			fc.asyncProperty(fc.oneof(validish, json), async (body) => {
				await probe('POST /api/v1/bookings', () =>
					fetch(`${base}/api/v1/bookings`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
				);
			}),
			{ numRuns: 300 }
		);
	});

	it('POST /api/v1/waitlist', async () => {
		const services = await (await fetch(`${base}/api/v1/services`)).json();
		const day = fc.oneof(
			text,
			fc.date({ min: new Date('2020-01-01'), max: new Date('2040-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))
		);
		const time = fc.oneof(text, fc.constantFrom('09:00', '12:30', '24:00', '25:00', '9:00'));
		const validish = fc.record({
			serviceId: fc.oneof(fc.constantFrom(...services.map((s: { id: string }) => s.id)), text),
			practitionerId: fc.option(text),
			from: day,
			to: day,
			times: fc.oneof(
				fc.array(fc.record({ weekday: fc.oneof(fc.integer({ min: -2, max: 9 }), text), start: time, end: time }), { maxLength: 25 }),
				fc.anything({ maxDepth: 1 })
			),
			locale: fc.oneof(fc.constantFrom('ja', 'en'), text),
			patient: fc.oneof(fc.record({ familyName: text, givenName: text, email: text, phone: text }), fc.anything({ maxDepth: 1 })),
			consent: fc.oneof(fc.constant({ privacy: true }), fc.anything({ maxDepth: 1 }))
		});
		await fc.assert(
			fc.asyncProperty(fc.oneof(validish, json), async (body) => {
				await probe('POST /api/v1/waitlist', () =>
					fetch(`${base}/api/v1/waitlist`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
				);
			}),
			{ numRuns: 200 }
		);
	});

	it('POST /api/v1/bookings/{id}/cancel', async () => {
		const appointment = await db.kysely.selectFrom('appointment').select('id').where('status', '=', 'booked').executeTakeFirstOrThrow();
		await fc.assert(
			fc.asyncProperty(
				fc.oneof(fc.constant(appointment.id), text),
				fc.option(
					fc.oneof(
						text.map((t) => `Bearer ${t}`),
						text
					)
				),
				json,
				async (id, authorization, body) => {
					// No fuzzed token is a booking's: every answer is a refusal that keeps nothing.
					await probe('POST /api/v1/bookings/{id}/cancel', () =>
						fetch(`${base}/api/v1/bookings/${encodeURIComponent(id.slice(0, 2_000))}/cancel`, {
							method: 'POST',
							headers: {
								'content-type': 'application/json',
								...(authorization
									? {
											authorization: [...authorization]
												.filter((c) => c >= ' ' && c <= '~')
												.join('')
												.slice(0, 4_000)
										}
									: {})
							},
							body: JSON.stringify(body)
						})
					);
				}
			),
			{ numRuns: 150 }
		);
	});

	// Sign-in hashes every password tried (argon2id, slow on purpose), so it gets fewer runs.
	it.each([
		['/api/v1/triage', 300],
		['/api/v1/auth/login', 40]
	])('POST %s', async (endpoint, numRuns) => {
		await fc.assert(
			fc.asyncProperty(json, async (body) => {
				await probe(`POST ${endpoint}`, () =>
					fetch(`${base}${endpoint}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
				);
			}),
			{ numRuns }
		);
	});

	it('POST /api/v1/line/webhook: unsigned or wrongly signed is 401 and changes nothing; signed is never a 5xx', async () => {
		await fc.assert(
			fc.asyncProperty(json, fc.constantFrom('none', 'wrong', 'right' as const), async (body, signature) => {
				// JSON.stringify gives undefined for a value JSON cannot hold: then the body is empty.
				const raw = JSON.stringify(body) ?? '';
				const headers: Record<string, string> = { 'content-type': 'application/json' };
				if (signature === 'wrong') headers['x-line-signature'] = signWebhook(raw, 'not-the-channel-secret');
				if (signature === 'right') headers['x-line-signature'] = signWebhook(raw);
				let status = 0;
				await probe('POST /api/v1/line/webhook', async () => {
					const response = await fetch(`${base}/api/v1/line/webhook`, { method: 'POST', headers, body: raw });
					status = response.status;
					return response;
				});
				if (signature !== 'right') expect(status).toBe(401);
			}),
			{ numRuns: 120 }
		);
	});

	it('raw bodies: not JSON, truncated, huge, wrong content type', async () => {
		const raw = fc.oneof(
			fc.string(),
			fc.constantFrom('{', '{"a":', '\u0000\u0001', 'null', '1', '"x"', `{"a":"${'x'.repeat(2_000_000)}"}`),
			fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b).toString('latin1'))
		);
		await fc.assert(
			fc.asyncProperty(
				raw,
				fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'),
				fc.constantFrom('/api/v1/bookings', '/api/v1/triage', '/api/v1/auth/login', '/api/v1/waitlist'),
				async (body, type, endpoint) => {
					await probe(`POST ${endpoint} (raw)`, () => fetch(`${base}${endpoint}`, { method: 'POST', headers: { 'content-type': type }, body }));
				}
			),
			{ numRuns: 120 }
		);
	});

	it('GET endpoints with fuzzed query and path', async () => {
		await fc.assert(
			fc.asyncProperty(text, text, text, text, fc.constantFrom('visitor', 'practitioner', 'reception', 'patient' as const), async (a, b, c, d, who) => {
				const q = (s: string) => encodeURIComponent(s.slice(0, 2_000));
				const cookie = identities[who];
				const get = (endpoint: string, url: string) => probe(`GET ${endpoint}`, () => fetch(`${base}${url}`, { headers: cookie ? { cookie } : {} }));
				await get('/api/v1/availability', `/api/v1/availability?service=${q(a)}&from=${q(b)}&to=${q(c)}&practitioner=${q(d)}`);
				await get('/api/v1/patients', `/api/v1/patients?q=${q(a)}`);
				await get('/api/v1/acupoints/{code}', `/api/v1/acupoints/${q(b)}`);
				await get('/fhir/R4/Patient/{id}/$everything', `/fhir/R4/Patient/${q(c)}/$everything`);
				await get('/ical/practitioners/{id}.ics', `/ical/practitioners/${q(d)}.ics?token=${q(a)}`);
				await get('/practitioners/{id}/photo', `/practitioners/${q(c)}/photo?v=${q(b)}`);
				// Issue #18: the owner's report of courses, its CSV, a refund receipt.
				await get('/staff/reports/packages', `/staff/reports/packages?date=${q(a)}`);
				await get('/staff/reports/packages/export.csv', `/en/staff/reports/packages/export.csv?date=${q(b)}`);
				await get('/staff/patients/{id}/packages/{saleId}/refund.pdf', `/staff/patients/${q(c)}/packages/${q(d)}/refund.pdf`);
			}),
			{ numRuns: 40 }
		);
	});
});

const IDENTITIES = ['visitor', 'practitioner', 'reception', 'patient'] as const;

function concretePath(route: string, ids: { patientId: string; other: string; step: string }): string {
	return (
		'/' +
		route
			.split('/')
			.filter((segment) => segment !== '' && segment !== '[[lang=lang]]')
			.map((segment) => (segment === '[id]' ? ids.patientId : segment === '[step]' ? ids.step : /^\[.+\]$/.test(segment) ? ids.other : segment))
			.join('/')
	);
}

describe('form actions under fuzzed input', () => {
	const actions = formActions();

	it('finds the form actions to try', () => {
		expect(actions.length).toBeGreaterThan(40);
		// Issue #16: the password-again step of enrolment, its confirmation, proof-checked recovery codes, revoking an invitation.
		expect(actions.map((a) => `${a.routeId} ?/${a.action}`)).toEqual(
			expect.arrayContaining([
				'/[[lang=lang]]/staff/account/totp ?/reveal',
				'/[[lang=lang]]/staff/account/totp ?/confirm',
				'/[[lang=lang]]/staff/account ?/recovery',
				'/[[lang=lang]]/staff/team ?/revokeInvitation',
				// Issue #17: the cancellation policy, settling its fees, the recall list.
				'/[[lang=lang]]/staff/settings/cancellation-policy ?/default',
				'/[[lang=lang]]/staff/billing/fees/[feeId] ?/collect',
				'/[[lang=lang]]/staff/billing/fees/[feeId] ?/waive',
				'/[[lang=lang]]/staff/recall ?/invite',
				'/[[lang=lang]]/staff/recall ?/weeks',
				// Issue #17: the series and the booking controls.
				'/[[lang=lang]]/staff/patients/[id]/series ?/preview',
				'/[[lang=lang]]/staff/patients/[id]/series ?/book',
				'/[[lang=lang]]/staff/series/[id] ?/cancel',
				'/[[lang=lang]]/staff/series/[id] ?/move',
				'/[[lang=lang]]/staff/booking-requests ?/decide',
				'/[[lang=lang]]/staff/booking-controls ?/controls',
				'/[[lang=lang]]/staff/booking-controls ?/service'
			])
		);
		// Issue #22: a practitioner's patients at once, the clinic's invoice registration number, the practitioner's profile.
		expect(actions.map((a) => `${a.routeId} ?/${a.action}`)).toEqual(
			expect.arrayContaining([
				'/[[lang=lang]]/staff/scheduling/practitioners/[id] ?/places',
				'/[[lang=lang]]/staff/settings ?/invoice',
				'/[[lang=lang]]/staff/scheduling/practitioners/[id] ?/profile'
			])
		);
		// Issue #19: the claim workflow, insurer payments and the patient's monthly confirmation.
		expect(actions.map((a) => `${a.routeId} ?/${a.action}`)).toEqual(
			expect.arrayContaining([
				'/[[lang=lang]]/staff/insurance/claims ?/move',
				'/[[lang=lang]]/staff/insurance/claims ?/pay',
				'/[[lang=lang]]/staff/insurance/claims ?/outcome',
				'/[[lang=lang]]/staff/insurance/claims/[patientId]/confirm ?/default'
			])
		);
		// Issue #21: an insurer payment reversed; the eligibility check posted to the charge page itself.
		expect(actions.map((a) => `${a.routeId} ?/${a.action}`)).toEqual(
			expect.arrayContaining(['/[[lang=lang]]/staff/insurance/claims ?/reversePayment', '/[[lang=lang]]/staff/billing/appointments/[appointmentId] ?/default'])
		);
		// Issue #19: the owner adds a dated 療養費 fee version.
		expect(actions.map((a) => `${a.routeId} ?/${a.action}`)).toContain('/[[lang=lang]]/staff/insurance/fees ?/add');
		// Issue #19: the 施術報告書 and the consent-validity rule versions.
		expect(actions.map((a) => `${a.routeId} ?/${a.action}`)).toEqual(
			expect.arrayContaining(['/[[lang=lang]]/staff/patients/[id]/insurance/report ?/issue', '/[[lang=lang]]/staff/insurance/fees ?/addRule'])
		);
		// Issue #19: the 受領委任 registration, eligibility checks and a doctor's own treatment.
		expect(actions.map((a) => `${a.routeId} ?/${a.action}`)).toEqual(
			expect.arrayContaining([
				'/[[lang=lang]]/staff/settings/jukyo ?/default',
				'/[[lang=lang]]/staff/patients/[id]/insurance ?/eligibility',
				'/[[lang=lang]]/staff/patients/[id]/insurance ?/doctorTreatment'
			])
		);
		// Issue #18: prepaid courses — the owner's types and refund settings, the desk's sale, mark and refund.
		expect(actions.map((a) => `${a.routeId} ?/${a.action}`)).toEqual(
			expect.arrayContaining([
				'/[[lang=lang]]/staff/settings/packages ?/create',
				'/[[lang=lang]]/staff/settings/packages ?/update',
				'/[[lang=lang]]/staff/settings/packages ?/retire',
				'/[[lang=lang]]/staff/settings/packages ?/settings',
				'/[[lang=lang]]/staff/patients/[id]/packages ?/sell',
				'/[[lang=lang]]/staff/patients/[id]/packages ?/mark',
				'/[[lang=lang]]/staff/patients/[id]/packages ?/refund',
				// A course chosen for a booked visit: the portal, the manage link and the desk's booking.
				'/[[lang=lang]]/portal/appointments/[id] ?/useCourse',
				'/[[lang=lang]]/booking/[token] ?/useCourse',
				'/[[lang=lang]]/staff/schedule ?/useCourse'
			])
		);
		// Issue #18: monthly plans — the owner's plan types, the desk's start, renewal, stop and mark.
		expect(actions.map((a) => `${a.routeId} ?/${a.action}`)).toEqual(
			expect.arrayContaining([
				'/[[lang=lang]]/staff/settings/packages ?/createPlan',
				'/[[lang=lang]]/staff/settings/packages ?/updatePlan',
				'/[[lang=lang]]/staff/patients/[id]/packages ?/startPlan',
				'/[[lang=lang]]/staff/patients/[id]/packages ?/stopPlan',
				'/[[lang=lang]]/staff/patients/[id]/packages ?/renewPlan',
				'/[[lang=lang]]/staff/patients/[id]/packages ?/markPlan'
			])
		);
	});

	it('never answers 5xx nor keeps a refused write, for anyone', { timeout: 300_000 }, async () => {
		let runs = 0;
		for (const target of actions) {
			const signIn = /login|invite|auth/.test(target.routeId);
			const endpoint = `${target.routeId} ?/${target.action}`;
			await fc.assert(
				fc.asyncProperty(
					fc.dictionary(fc.oneof(fc.constantFrom(...(target.fields.length > 0 ? target.fields : ['x'])), fc.string({ maxLength: 8 })), text, { maxKeys: 12 }),
					fc.constantFrom('00000000-0000-4000-8000-000000000000', 'x', "1' or '1'='1"),
					fc.boolean(),
					async (fields, other, realPatient) => {
						// Each identity in turn, so every action is tried by every kind of user.
						const who = IDENTITIES[runs++ % IDENTITIES.length]!;
						const pathname = concretePath(target.routeId, { patientId: who === 'patient' || realPatient ? patientId : other, other, step: 'history' });
						const query = target.action === 'default' ? '' : `?/${target.action}`;
						await probe(endpoint, () => formPost(`${pathname}${query}`, fields, identities[who]));
					}
				),
				{ numRuns: signIn ? 6 : 16 }
			);
		}
	});
});
