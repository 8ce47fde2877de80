import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/lib/server/db/database';
import { ROUTE_ACCESS, type RouteAccess } from '../../src/lib/server/http/route-access';
import { totpCodeAt } from '../../src/lib/server/auth/totp';
import { formActions } from '../support/form-actions';
import { waitForDueJobs } from '../support/settled-jobs';
import { builtServerEntry, demoPasswordsFrom, startBuiltServer, type ServerProcess } from '../support/server-process';
import { waitForSignInLink } from '../support/sign-in-link';
import { startSmtpPeer, type SmtpPeer } from '../support/smtp-peer';
import { lineEnvFor, startLinePeer, type LinePeer } from '../support/line-peer';
import { staffCookie, staffTotpCode } from '../support/staff-session';

/*
 * Issue #9: the access table (route-access.ts), checked against the built server. Every route id
 * in the table is requested by every role, with real ids where the route takes them, and every
 * form action is posted by every role the table refuses; one patient also tries the other's ids.
 * The server is its own: the owner signs in only after enrolling TOTP, which on the shared server
 * is the first step of staff-sign-in.test.ts, and its database is read around each refused post.
 */

const ROLES = ['anonymous', 'patient', 'reception', 'practitioner', 'owner'] as const;
type Role = (typeof ROLES)[number];
/** Both URL forms of a localized route: the Japanese default and the English prefix. */
const PREFIXES = ['', '/en'] as const;

/** Tables a refused request may still write: the audit trail, failed sign-ins, sign-in sessions' last use. */
const MAY_CHANGE = new Set(['audit_log', 'login_throttle', 'staff_session', 'patient_session']);
/**
 * Routes the table opens to all staff whose content reception reads only when the owner allows it
 * (mayReadClinical in security-settings.ts): until then reception gets 403 from the route itself.
 */
const CLINICAL_FOR_RECEPTION = new Set([
	'/[[lang=lang]]/staff/patients/[id]/intake',
	'/[[lang=lang]]/staff/patients/[id]/intake/[step]',
	'/fhir/R4/Patient/[id]/$everything'
]);
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

interface PatientIds {
	email: string;
	patientId: string;
	appointmentId: string;
	signatureId: string;
	examId: string;
	sessionId: string;
}

let server: ServerProcess;
let db: Db;
let mailPeer: SmtpPeer;
let linePeer: LinePeer;
let base = '';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shinkyu-matrix-'));
const cookies: Record<Role, string> = { anonymous: '', patient: '', reception: '', practitioner: '', owner: '' };
// Alice is the patient signed in; Bob is the other patient whose ids she tries.
const alice: PatientIds = { email: 'patient5@example.jp', patientId: '', appointmentId: '', signatureId: '', examId: '', sessionId: '' };
const bob: PatientIds = { email: 'patient1@example.jp', patientId: '', appointmentId: '', signatureId: '', examId: '', sessionId: '' };
let practitionerId = '';
/** A series of the demo clinic (issue #17), so its page is asked for with a real id. */
let seriesId = '';
let ownerPassword = '';
let receptionPassword = '';
let practitionerPassword = '';
let tables: string[] = [];
/** Tables that hold a patient's own rows, by their `patient_id` column. */
const patientTables: string[] = [];
const checked = { gets: 0, posts: 0, pairs: new Set<string>() };

function request(pathname: string, cookie: string, init: RequestInit = {}): Promise<Response> {
	return fetch(`${base}${pathname}`, { redirect: 'manual', ...init, headers: { ...(cookie ? { cookie } : {}), ...init.headers } });
}

function formPost(pathname: string, fields: Record<string, string>, cookie: string): Promise<Response> {
	return request(pathname, cookie, {
		method: 'POST',
		headers: { origin: base, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(fields)
	});
}

/** A hash of every row of every table that a refused request must leave alone. */
async function snapshot(): Promise<Record<string, string>> {
	const hashes: Record<string, string> = {};
	for (const table of tables) {
		const rows = await sql.raw(`select * from "${table}" order by rowid`).execute(db.kysely);
		hashes[table] = createHash('sha256').update(JSON.stringify(rows.rows)).digest('hex');
	}
	return hashes;
}

/** Every row that belongs to one patient, as text. */
async function rowsOf(patientId: string): Promise<string> {
	const parts = [JSON.stringify(await db.kysely.selectFrom('patient').selectAll().where('id', '=', patientId).execute())];
	for (const table of patientTables) {
		const rows = await sql.raw(`select * from "${table}" where patient_id = '${patientId}' order by rowid`).execute(db.kysely);
		parts.push(`${table}: ${JSON.stringify(rows.rows)}`);
	}
	return parts.join('\n');
}

/** Signs a patient in as a patient does: the link in the mail (read from the mail server). */
async function patientCookie(email: string): Promise<string> {
	const since = mailPeer.received.length;
	expect((await formPost('/portal/login', { email }, '')).status).toBe(303);
	const link = await waitForSignInLink(mailPeer, email, since);
	expect(link, `no sign-in link for ${email}`).toBeDefined();
	const signIn = await formPost(link!, {}, '');
	const cookie = signIn.headers.getSetCookie().find((c) => c.startsWith('shinkyu_patient='));
	expect(cookie, `no portal cookie (status ${signIn.status})`).toBeDefined();
	return cookie!.split(';')[0]!;
}

/** The demo owner, signed in the only way an owner can be: password, then a new authenticator app. */
async function ownerCookie(password: string): Promise<string> {
	const response = await request('/api/v1/auth/login', '', {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ email: 'owner@example.jp', password })
	});
	expect(response.status).toBe(200);
	expect((await response.json()).next).toBe('enrol');
	const cookie = response.headers
		.getSetCookie()
		.find((c) => c.startsWith('shinkyu_staff='))!
		.split(';')[0]!;
	// The page shows no secret; the password again does (issue #16).
	expect(await (await request('/staff/account/totp', cookie)).text()).not.toContain('totp-secret');
	const page = await (await formPost('/staff/account/totp?/reveal', { password }, cookie)).text();
	const secret = /data-testid="totp-secret"[^>]*>([^<]+)</.exec(page)?.[1]?.replace(/\s/g, '');
	expect(secret).toMatch(/^[A-Z2-7]{32}$/);
	const confirmed = await formPost('/staff/account/totp?/confirm', { code: totpCodeAt(secret!, new Date()) }, cookie);
	expect(confirmed.status).toBe(200);
	// The second factor replaced the session token: the pending one no longer works (issue #16).
	const rotated = confirmed.headers
		.getSetCookie()
		.find((c) => c.startsWith('shinkyu_staff='))!
		.split(';')[0]!;
	expect(rotated).not.toBe(cookie);
	expect((await request('/staff/team', cookie)).status).toBe(303);
	expect((await request('/staff/team', rotated)).status).toBe(200);
	return rotated;
}

/** The id that follows `a`/`b` in a 303 location, e.g. the new examination's. */
async function createdId(response: Response, after: string): Promise<string> {
	expect(response.status, await response.clone().text()).toBe(303);
	const id = new RegExp(`/${after}/(${UUID.source})`).exec(response.headers.get('location') ?? '')?.[1];
	expect(id, response.headers.get('location') ?? '').toMatch(UUID);
	return id!;
}

/** An examination and a treatment session for the patient, recorded by the practitioner. */
async function clinicalRecords(patient: PatientIds): Promise<void> {
	const chart = `/staff/patients/${patient.patientId}`;
	patient.examId = await createdId(await formPost(`${chart}/exams?/create`, { kind: 'initial', side: 'left' }, cookies.practitioner), 'exams');
	patient.sessionId = await createdId(await formPost(`${chart}/sessions?/start`, {}, cookies.practitioner), 'sessions');
}

beforeAll(async () => {
	expect(fs.existsSync(builtServerEntry()), 'build the server first').toBe(true);
	mailPeer = await startSmtpPeer();
	// LINE set up (against a local peer), so its portal and owner pages are checked as served (issue #20).
	linePeer = await startLinePeer();
	server = await startBuiltServer({ DATA_DIR: dataDir, RATE_LIMITS: 'off', SMTP_URL: mailPeer.url, ...lineEnvFor(linePeer) });
	base = server.baseUrl;
	db = openDatabase({ sqliteFile: path.join(dataDir, 'shinkyu.sqlite') });
	const rows = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db.kysely);
	tables = rows.rows.map((r) => r.name).filter((t) => !MAY_CHANGE.has(t));
	expect(tables).toEqual(expect.arrayContaining(['patient', 'appointment', 'consent_signature', 'treatment_session', 'staff', 'clinic', 'mail_outbox']));
	for (const table of rows.rows.map((r) => r.name)) {
		const columns = await sql.raw<{ name: string }>(`pragma table_info("${table}")`).execute(db.kysely);
		if (columns.rows.some((c) => c.name === 'patient_id')) patientTables.push(table);
	}

	const passwords = demoPasswordsFrom(server.output());
	receptionPassword = passwords['reception@example.jp']!;
	cookies.reception = await staffCookie(base, 'reception@example.jp', receptionPassword);
	practitionerPassword = passwords['practitioner@example.jp']!;
	cookies.practitioner = await staffCookie(base, 'practitioner@example.jp', practitionerPassword);
	ownerPassword = passwords['owner@example.jp']!;
	cookies.owner = await ownerCookie(ownerPassword);
	cookies.patient = await patientCookie(alice.email);

	for (const patient of [alice, bob]) {
		const row = await db.kysely.selectFrom('patient').select('id').where('email', '=', patient.email).executeTakeFirstOrThrow();
		patient.patientId = row.id;
		const visit = await db.kysely.selectFrom('appointment').select('id').where('patient_id', '=', row.id).orderBy('starts_at').executeTakeFirstOrThrow();
		patient.appointmentId = visit.id;
	}
	// Alice signed her consents when she first came (demo history); Bob signs the same privacy notice
	// and agrees to treatment aloud at the desk, so a session may start for him (docs/clinical-rules.md §6).
	const signed = await db.kysely.selectFrom('consent_signature').selectAll().where('patient_id', '=', alice.patientId).executeTakeFirstOrThrow();
	alice.signatureId = signed.id;
	bob.signatureId = randomUUID();
	await db.kysely
		.insertInto('consent_signature')
		.values({ ...signed, id: bob.signatureId, patient_id: bob.patientId, signed_name: '山田 花子' })
		.execute();
	const treatment = await db.kysely
		.selectFrom('consent_document')
		.select('id')
		.where('kind', '=', 'treatment')
		.orderBy('version', 'desc')
		.executeTakeFirstOrThrow();
	const takenBy = await db.kysely.selectFrom('staff').select('id').where('email', '=', 'practitioner@example.jp').executeTakeFirstOrThrow();
	await db.kysely
		.insertInto('consent_signature')
		.values({
			...signed,
			id: randomUUID(),
			patient_id: bob.patientId,
			document_id: treatment.id,
			signed_name: '',
			recorded_by_staff_id: takenBy.id,
			channel: 'verbal'
		})
		.execute();
	for (const patient of [alice, bob]) await clinicalRecords(patient);
	practitionerId = (await db.kysely.selectFrom('practitioner').select('id').executeTakeFirstOrThrow()).id;
	seriesId = (await db.kysely.selectFrom('appointment_series').select('id').executeTakeFirstOrThrow()).id;
	await waitForDueJobs(db);
}, 120_000);

afterAll(async () => {
	await db?.close();
	await server?.stop();
	await mailPeer?.close();
	await linePeer?.close();
	fs.rmSync(dataDir, { recursive: true, force: true });
	const routes = new Set([...checked.pairs].map((p) => p.split(' as ')[0])).size;
	console.log(`authorization matrix: ${routes} routes × ${ROLES.length} roles checked (${checked.gets} GETs, ${checked.posts} refused POSTs)`);
});

/** Whether the table lets a role in; written out here rather than taken from decideAccess. */
function allows(access: RouteAccess, role: Role): boolean {
	if (access === 'public') return true;
	if (access === 'patient') return role === 'patient';
	if (role === 'anonymous' || role === 'patient') return false;
	if (access === 'staff' || access === 'signed-in-pending') return true;
	return access.includes(role);
}

/** What the role meets on the route with the clinic's default settings. */
function admitted(routeId: string, role: Role): boolean {
	return allows(ROUTE_ACCESS[routeId]!, role) && !(role === 'reception' && CLINICAL_FOR_RECEPTION.has(routeId));
}

interface Target {
	path: string;
	/** Every parameter was filled with something that exists, so an allowed role must not get 404. */
	real: boolean;
}

/** A route id with its parameters filled in from one patient's records. */
function targetFor(routeId: string, ids: PatientIds, prefix: string): Target {
	let real = true;
	const segments = routeId.split('/').filter((s) => s !== '' && s !== '[[lang=lang]]');
	const filled = segments.map((segment, i) => {
		const before = segments[i - 1];
		if (!segment.includes('[')) return segment;
		if (segment === '[slug=article]') return 'sciatica';
		if (segment === '[step]') return 'history';
		if (segment === '[code]') return 'BL40';
		if (segment === '[signatureId]') return ids.signatureId;
		if (segment === '[examId]') return ids.examId;
		if (segment === '[sessionId]') return ids.sessionId;
		if (segment === '[appointmentId]') return ids.appointmentId;
		if (segment === '[id]' && before === 'appointments') return ids.appointmentId;
		if (segment === '[id]' && before === 'practitioners') return practitionerId;
		if (segment === '[id]' && before === 'series') return seriesId;
		if (segment === '[id]' && (before === 'patients' || before === 'Patient')) return ids.patientId;
		// Issue #19: a patient's monthly 申請書 and its confirmation page.
		if (segment === '[patientId]' && before === 'claims') return ids.patientId;
		// A token, a calendar feed without its token, an unknown API path, a route added later.
		real = false;
		if (segment === '[id].ics') return `${practitionerId}.ics`;
		if (segment.startsWith('[...')) return 'nothing-here';
		return randomUUID();
	});
	const localized = routeId.startsWith('/[[lang=lang]]');
	// A practitioner without a photo answers its photo's address with 404.
	if (routeId === '/practitioners/[id]/photo') real = false;
	return { path: `${localized ? prefix : ''}/${filled.join('/')}`.replace(/^(\/en)\/$/, '$1') || '/', real };
}

function signInPage(access: RouteAccess): string {
	return access === 'patient' ? '/portal/login' : '/staff/login';
}

const SIGN_IN_PAGES = /^(\/en)?\/(staff\/login|staff\/login\/totp|staff\/account\/totp|portal\/login)(\?|$)/;

/** What a refused request may answer: 403, 404, 401 from an API, or the right sign-in page in the same language. */
function expectRefused(response: Response, target: string, access: RouteAccess, role: Role, label: string) {
	const status = response.status;
	const location = response.headers.get('location') ?? '';
	if (status === 303 && location) {
		const prefix = target.startsWith('/en/') || target === '/en' ? '/en' : '';
		expect(
			role === 'anonymous' || role === 'patient' || access === 'patient',
			`${label}: a signed-in staff member without the role is sent to sign in (${location})`
		).toBe(true);
		expect(location.split('?')[0], label).toBe(`${prefix}${signInPage(access)}`);
		return;
	}
	const isApi = target.startsWith('/api/') || target.startsWith('/fhir/');
	expect(isApi ? [401, 403, 404] : [403, 404], `${label}: answered ${status} ${location}`).toContain(status);
}

function expectAllowed(response: Response, target: Target, label: string) {
	const status = response.status;
	const location = response.headers.get('location') ?? '';
	expect(status, `${label}: answered ${status}`).toBeLessThan(500);
	expect([401, 403], `${label}: answered ${status}`).not.toContain(status);
	if (status >= 300 && status < 400) expect(location, `${label}: sent to sign in`).not.toMatch(SIGN_IN_PAGES);
	if (target.real) expect(status, `${label}: its ids exist, yet 404`).not.toBe(404);
}

describe('the access table against the built server', () => {
	const routeIds = Object.keys(ROUTE_ACCESS);

	it('lists the routes the built router serves, and only those', async () => {
		const chunks = path.join(path.dirname(builtServerEntry()), 'server', 'chunks');
		const file = fs.readdirSync(chunks).find((f) => /^manifest\.js-.*\.js$/.test(f));
		expect(file, 'the built route manifest').toBeDefined();
		const manifest = fs.readFileSync(path.join(chunks, file!), 'utf8');
		const served = [...manifest.matchAll(/\bid: "(\/[^"]*)"/g)].map((m) => m[1]!);
		expect(served.length).toBeGreaterThan(50);
		expect(served.filter((id) => !(id in ROUTE_ACCESS))).toEqual([]);
		expect(routeIds.filter((id) => !served.includes(id))).toEqual([]);
		// Issue #18: the patient's own page of courses is for the signed-in patient alone.
		expect(ROUTE_ACCESS['/[[lang=lang]]/portal/packages']).toBe('patient');
	});

	it('gives every role, in both languages, what the table says on every route', { timeout: 120_000 }, async () => {
		const failures: string[] = [];
		for (const routeId of routeIds) {
			const access = ROUTE_ACCESS[routeId]!;
			for (const role of ROLES) {
				for (const prefix of PREFIXES) {
					const target = targetFor(routeId, alice, prefix);
					const label = `GET ${target.path} (${routeId}) as ${role}`;
					const response = await request(target.path, cookies[role]);
					await response.arrayBuffer();
					checked.gets++;
					checked.pairs.add(`${routeId} as ${role}`);
					try {
						if (admitted(routeId, role)) expectAllowed(response, target, label);
						else expectRefused(response, target.path, access, role, label);
					} catch (e) {
						failures.push((e as Error).message.split('\n')[0]!);
					}
				}
			}
		}
		expect(failures).toEqual([]);
	});

	it('cancels a booking by the API only with its own manage token, never with a session', async () => {
		// Issue #17: the Bearer token is the booking's manage-link token; a staff or portal session is not one.
		for (const role of ROLES) {
			for (const appointmentId of [alice.appointmentId, bob.appointmentId]) {
				const before = await snapshot();
				const response = await request(`/api/v1/bookings/${appointmentId}/cancel`, cookies[role], {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: '{}'
				});
				expect(response.status, `cancel ${appointmentId} as ${role}`).toBe(401);
				expect(await snapshot(), `cancel as ${role} kept a write`).toEqual(before);
				checked.posts++;
			}
		}
	});

	it('holds the owner who gave only the password at the code step, on every route', async () => {
		const response = await request('/api/v1/auth/login', '', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ email: 'owner@example.jp', password: ownerPassword })
		});
		expect((await response.json()).next).toBe('totp');
		const pending = response.headers
			.getSetCookie()
			.find((c) => c.startsWith('shinkyu_staff='))!
			.split(';')[0]!;
		const failures: string[] = [];
		for (const routeId of routeIds) {
			const access = ROUTE_ACCESS[routeId]!;
			for (const prefix of PREFIXES) {
				const target = targetFor(routeId, alice, prefix);
				const label = `GET ${target.path} (${routeId}) before the code`;
				const answer = await request(target.path, pending);
				await answer.arrayBuffer();
				checked.gets++;
				try {
					if (access === 'public' || access === 'signed-in-pending') expect(answer.status, label).toBeLessThan(500);
					else if (access === 'patient') expectRefused(answer, target.path, access, 'anonymous', label);
					else if (target.path.startsWith('/api/') || target.path.startsWith('/fhir/')) expect(answer.status, label).toBe(401);
					else expect(`${answer.status} ${answer.headers.get('location')}`, label).toBe(`303 ${target.path.startsWith('/en/') ? '/en' : ''}/staff/login/totp`);
				} catch (e) {
					failures.push((e as Error).message.split('\n')[0]!);
				}
			}
		}
		expect(failures).toEqual([]);
	});

	it('lets reception into the clinical routes once the owner allows it, and out again when not', async () => {
		const turn = async (on: boolean) => {
			const response = await formPost('/staff/settings?/security', on ? { receptionReadsClinical: 'on' } : {}, cookies.owner);
			expect(response.status).toBe(200);
		};
		const answers = async () => {
			const statuses: number[] = [];
			for (const routeId of CLINICAL_FOR_RECEPTION) {
				const target = targetFor(routeId, alice, '');
				const response = await request(target.path, cookies.reception);
				await response.arrayBuffer();
				checked.gets++;
				statuses.push(response.status);
				if (response.status !== 403) expectAllowed(response, target, `GET ${target.path} as reception`);
			}
			return statuses;
		};
		await turn(true);
		expect(await answers()).not.toContain(403);
		await turn(false);
		expect(await answers()).toEqual([...CLINICAL_FOR_RECEPTION].map(() => 403));
	});

	it('shows reception the outbox of mail to patients only, with no working link, and the owner all of it (issue #22)', async () => {
		const asReception = await request('/en/staff/outbox', cookies.reception);
		expect(asReception.status).toBe(200);
		const html = await asReception.text();
		expect(html).toContain('Mail sent to patients, and whether it went.');
		// No link in it carries a token (base32, as every token this app makes).
		expect(html).not.toMatch(/https?:\/\/[^\s"<]*[a-z2-7]{20,}/);
		// Mail to the clinic's own staff is never listed for reception.
		expect(html).not.toContain('/staff/invite/');
		const asOwner = await request('/en/staff/outbox', cookies.owner);
		expect(asOwner.status).toBe(200);
		expect(await asOwner.text()).toContain('Every e-mail the app has sent.');
		const asPractitioner = await request('/en/staff/outbox', cookies.practitioner);
		await asPractitioner.arrayBuffer();
		expect(asPractitioner.status).toBe(403);
	});

	it('refuses reception a change of a patient’s e-mail address, and asks a practitioner to confirm one (issue #16)', async () => {
		const row = await db.kysely.selectFrom('patient').selectAll().where('id', '=', bob.patientId).executeTakeFirstOrThrow();
		const record = {
			familyName: row.family_name,
			givenName: row.given_name,
			familyNameKana: row.family_name_kana,
			givenNameKana: row.given_name_kana,
			email: 'someone-else@example.com',
			phone: row.phone,
			dateOfBirth: row.date_of_birth ?? '',
			sex: row.sex,
			postalCode: row.postal_code,
			address: row.address,
			emergencyContact: row.emergency_contact,
			preferredLocale: row.preferred_locale
		};
		const url = `/staff/patients/${bob.patientId}?/update`;
		const emailNow = async () => (await db.kysely.selectFrom('patient').select('email').where('id', '=', bob.patientId).executeTakeFirstOrThrow()).email;
		const asReception = await formPost(url, { ...record, confirmEmailChange: 'yes' }, cookies.reception);
		await asReception.arrayBuffer();
		expect(asReception.status).toBe(403);
		const unconfirmed = await formPost(url, record, cookies.practitioner);
		await unconfirmed.arrayBuffer();
		expect(unconfirmed.status).toBe(422);
		expect(await emailNow()).toBe(bob.email);
		// Reception still saves the rest of the record, the address sent back as it is.
		const rest = await formPost(url, { ...record, email: row.email, emergencyContact: '山田 太郎 090-1111-2222' }, cookies.reception);
		await rest.arrayBuffer();
		expect(rest.status).toBe(200);
		expect(await emailNow()).toBe(bob.email);
		checked.posts += 3;
	});

	it('refuses every form action to every role the table refuses, and keeps nothing', { timeout: 120_000 }, async () => {
		const actions = formActions().filter((a) => a.routeId in ROUTE_ACCESS);
		expect(actions.length).toBeGreaterThan(40);
		const failures: string[] = [];
		for (const { routeId, action, fields } of actions) {
			const access = ROUTE_ACCESS[routeId]!;
			const values = Object.fromEntries(
				fields.map((f) => [
					f,
					/patientId/i.test(f) ? alice.patientId : /appointmentId/i.test(f) ? alice.appointmentId : /practitionerId/i.test(f) ? practitionerId : 'x'
				])
			);
			for (const role of ROLES.filter((r) => !allows(access, r))) {
				const target = targetFor(routeId, alice, checked.posts % 2 === 0 ? '' : '/en').path;
				const url = `${target}${action === 'default' ? '' : `?/${action}`}`;
				const label = `POST ${url} as ${role}`;
				const before = await snapshot();
				const response = await formPost(url, values, cookies[role]);
				await response.arrayBuffer();
				checked.posts++;
				try {
					expectRefused(response, target, access, role, label);
					expect(await snapshot(), `${label} changed data`).toEqual(before);
				} catch (e) {
					failures.push((e as Error).message.split('\n')[0]!);
				}
			}
		}
		expect(failures).toEqual([]);
	});
});

describe('one patient, the other patient’s ids', () => {
	const withIds = Object.keys(ROUTE_ACCESS).filter((id) => /\[(id|signatureId|examId|sessionId)\]/.test(id) && ROUTE_ACCESS[id] !== 'public');

	it('refuses Alice every route that takes Bob’s ids: 404 in the portal, sign-in in the console', async () => {
		expect(withIds.filter((id) => ROUTE_ACCESS[id] === 'patient').length).toBeGreaterThanOrEqual(2);
		for (const routeId of withIds) {
			const access = ROUTE_ACCESS[routeId]!;
			const target = targetFor(routeId, bob, '');
			const response = await request(target.path, cookies.patient);
			const body = await response.text();
			checked.gets++;
			if (access === 'patient') expect([403, 404], `${target.path} (${routeId})`).toContain(response.status);
			else expectRefused(response, target.path, access, 'patient', `${target.path} (${routeId})`);
			expect(body, target.path).not.toContain('花子');
		}
	});

	it('still shows Alice her own records on those portal routes', async () => {
		for (const routeId of withIds.filter((id) => ROUTE_ACCESS[id] === 'patient')) {
			const target = targetFor(routeId, alice, '');
			expect((await request(target.path, cookies.patient)).status, target.path).toBe(200);
		}
	});

	it('finds none of Bob’s records under Alice’s chart, even for the owner', async () => {
		const nested = Object.keys(ROUTE_ACCESS).filter((id) => /\/patients\/\[id\]\/.*\[(signatureId|examId|sessionId)\]/.test(id));
		expect(nested.length).toBeGreaterThanOrEqual(3);
		const mixed: PatientIds = { ...bob, patientId: alice.patientId };
		for (const routeId of nested) {
			const target = targetFor(routeId, mixed, '');
			const response = await request(target.path, cookies.owner);
			await response.arrayBuffer();
			checked.gets++;
			expect(response.status, `${target.path} (${routeId})`).toBe(404);
		}
	});

	it('keeps Bob’s records as they were when Alice posts to every portal action with his ids', async () => {
		const portalActions = formActions().filter((a) => ROUTE_ACCESS[a.routeId] === 'patient' && /\[(id|signatureId)\]/.test(a.routeId));
		expect(portalActions.length).toBeGreaterThan(0);
		for (const { routeId, action, fields } of portalActions) {
			const target = targetFor(routeId, bob, '').path;
			const url = `${target}${action === 'default' ? '' : `?/${action}`}`;
			const before = await snapshot();
			const response = await formPost(url, Object.fromEntries(fields.map((f) => [f, 'x'])), cookies.patient);
			await response.arrayBuffer();
			checked.posts++;
			expect([403, 404], `POST ${url}`).toContain(response.status);
			expect(await snapshot(), `POST ${url} changed data`).toEqual(before);
		}
	});

	it('keeps Bob’s rows as they were when Alice slips his ids into every portal form', async () => {
		const portalActions = formActions().filter((a) => ROUTE_ACCESS[a.routeId] === 'patient');
		const bobsIds = {
			patientId: bob.patientId,
			patient_id: bob.patientId,
			appointmentId: bob.appointmentId,
			sessionId: bob.sessionId,
			signatureId: bob.signatureId,
			examId: bob.examId
		};
		const before = await rowsOf(bob.patientId);
		for (const { routeId, action, fields } of portalActions) {
			const target = targetFor(routeId, alice, '').path;
			const url = `${target}${action === 'default' ? '' : `?/${action}`}`;
			const response = await formPost(url, { ...Object.fromEntries(fields.map((f) => [f, 'x'])), ...bobsIds }, cookies.patient);
			await response.arrayBuffer();
			checked.posts++;
			expect(response.status, `POST ${url}`).toBeLessThan(500);
		}
		expect(await rowsOf(bob.patientId)).toBe(before);
	});
});

describe('where signing in leads', () => {
	it('follows a next path on this site only, even one hiding a tab or a line break', async () => {
		for (const next of ['/\t/evil.example/', '/\n/evil.example/', '/\r/evil.example/', '/\\evil.example/', '/staff/patients']) {
			const response = await formPost(`/staff/login?next=${encodeURIComponent(next)}`, { email: 'reception@example.jp', password: receptionPassword }, '');
			await response.arrayBuffer();
			expect(response.status, JSON.stringify(next)).toBe(303);
			// As a browser reads a Location: tabs and line breaks dropped, then resolved against the page.
			const location = response.headers.get('location')!;
			expect(new URL(location.replace(/[\t\n\r]/g, ''), base).origin, JSON.stringify(location)).toBe(base);
			// Reception has a second factor too (issue #16): the code step carries the page asked for.
			if (next === '/staff/patients') {
				expect(location).toBe(`/staff/login/totp?next=${encodeURIComponent(next)}`);
				const pending = response.headers
					.getSetCookie()
					.find((c) => c.startsWith('shinkyu_staff='))!
					.split(';')[0]!;
				const code = await staffTotpCode(base, 'reception@example.jp', receptionPassword);
				const second = await formPost(location, { code }, pending);
				expect(second.status).toBe(303);
				expect(second.headers.get('location')).toBe(next);
			}
		}
	});
});

describe('cancellation fees and recall (issue #17)', () => {
	it('lets only the desk invite from the recall list, and only the owner write the policy', async () => {
		const patient = await db.kysely.selectFrom('patient').select('id').where('email', '=', 'recall1@example.jp').executeTakeFirstOrThrow();
		const invitations = () => db.kysely.selectFrom('recall_invitation').select('id').where('patient_id', '=', patient.id).execute();
		for (const role of ['anonymous', 'patient', 'practitioner'] as const) {
			const refused = await formPost('/staff/recall?/invite', { patientId: patient.id }, cookies[role]);
			await refused.arrayBuffer();
			expect([303, 403], role).toContain(refused.status);
		}
		for (const role of ['anonymous', 'patient', 'practitioner', 'reception'] as const) {
			const refused = await formPost('/staff/settings/cancellation-policy', { freeUntilHours: '1', lateFeeJpy: '1', noShowFeeJpy: '1' }, cookies[role]);
			await refused.arrayBuffer();
			expect([303, 403], role).toContain(refused.status);
			const weeks = await formPost('/staff/recall?/weeks', { weeks: '2' }, cookies[role]);
			await weeks.arrayBuffer();
			expect([303, 403], role).toContain(weeks.status);
		}
		expect(await invitations()).toEqual([]);
		expect((await db.kysely.selectFrom('clinic').select('recall_weeks').executeTakeFirstOrThrow()).recall_weeks).toBe(8);
		expect(await db.kysely.selectFrom('cancellation_policy').select('id').execute()).toEqual([]);
		const invited = await formPost('/staff/recall?/invite', { patientId: patient.id }, cookies.reception);
		await invited.arrayBuffer();
		expect(invited.status).toBe(303);
		expect(await invitations()).toHaveLength(1);
	});

	it('lets only the owner write the 受領委任 registration (issue #19)', async () => {
		const before = await db.kysely.selectFrom('jukyo_registration').select(['document', 'updated_at']).execute();
		for (const role of ['anonymous', 'patient', 'practitioner', 'reception'] as const) {
			const refused = await formPost('/staff/settings/jukyo', { facilityName: 'x', accountNumber: '7654321' }, cookies[role]);
			await refused.arrayBuffer();
			expect([303, 403], role).toContain(refused.status);
		}
		expect(await db.kysely.selectFrom('jukyo_registration').select(['document', 'updated_at']).execute()).toEqual(before);
	});
});

describe('prepaid courses (issue #18)', () => {
	it('lets only the owner set up courses and only the desk sell one', async () => {
		const patient = await db.kysely.selectFrom('patient').select('id').where('email', '=', 'package1@example.jp').executeTakeFirstOrThrow();
		const type = await db.kysely.selectFrom('package_type').select('id').where('visit_count', '=', 5).executeTakeFirstOrThrow();
		const types = async () => (await db.kysely.selectFrom('package_type').select('id').execute()).length;
		const sales = async () => (await db.kysely.selectFrom('package_sale').select('id').where('patient_id', '=', patient.id).execute()).length;
		const [typesBefore, salesBefore] = [await types(), await sales()];
		for (const role of ['anonymous', 'patient', 'practitioner', 'reception'] as const) {
			const refused = await formPost('/staff/settings/packages?/settings', { cancellationFeeJpy: '1', documentedAverageDamageJpy: '1' }, cookies[role]);
			await refused.arrayBuffer();
			expect([303, 403], role).toContain(refused.status);
		}
		for (const role of ['anonymous', 'patient', 'practitioner'] as const) {
			const refused = await formPost(`/staff/patients/${patient.id}/packages?/sell`, { packageTypeId: type.id, amountJpy: '1000' }, cookies[role]);
			await refused.arrayBuffer();
			expect([303, 403], role).toContain(refused.status);
		}
		expect([await types(), await sales()]).toEqual([typesBefore, salesBefore]);
		expect(await db.kysely.selectFrom('package_settings').select('clinic_id').execute()).toEqual([]);
	});

	it('shows the report of courses and its CSV to the owner only, and a refund receipt only at the desk', async () => {
		for (const role of ['anonymous', 'patient', 'practitioner', 'reception'] as const) {
			for (const target of ['/staff/reports/packages?date=2026-12-01', '/staff/reports/packages/export.csv?date=2026-12-01']) {
				const refused = await request(target, cookies[role]);
				await refused.arrayBuffer();
				expect([303, 403], `${target} as ${role}`).toContain(refused.status);
			}
		}
		const page = await request('/staff/reports/packages?date=2026-12-01', cookies.owner);
		expect(page.status).toBe(200);
		expect(await page.text()).toContain('data-testid="package-report-liability"');
		const csv = await request('/en/staff/reports/packages/export.csv?date=2026-12-01', cookies.owner);
		expect(csv.status).toBe(200);
		expect(csv.headers.get('content-type')).toContain('text/csv');
		expect(await csv.text()).toContain('Advance payments (JPY)');
		const bad = await request('/staff/reports/packages/export.csv?date=2026-13-01', cookies.owner);
		await bad.arrayBuffer();
		expect(bad.status).toBe(400);
		// A sale that was never refunded has no refund receipt; a practitioner may not ask.
		const sale = await db.kysely.selectFrom('package_sale').select(['id', 'patient_id']).executeTakeFirstOrThrow();
		const none = await request(`/staff/patients/${sale.patient_id}/packages/${sale.id}/refund.pdf`, cookies.reception);
		await none.arrayBuffer();
		expect(none.status).toBe(404);
		const refused = await request(`/staff/patients/${sale.patient_id}/packages/${sale.id}/refund.pdf`, cookies.practitioner);
		await refused.arrayBuffer();
		expect(refused.status).toBe(403);
	});
});

describe('monthly plans (issue #18)', () => {
	it('lets only the owner set up a plan type and only the desk start a plan', async () => {
		const patient = await db.kysely.selectFrom('patient').select('id').where('email', '=', 'package1@example.jp').executeTakeFirstOrThrow();
		const service = await db.kysely.selectFrom('service').select('id').where('is_add_on', '=', 0).orderBy('sort_order').executeTakeFirstOrThrow();
		const planTypes = async () => (await db.kysely.selectFrom('package_plan_type').select('package_type_id').execute()).length;
		const plans = async () => (await db.kysely.selectFrom('package_plan').select('id').where('patient_id', '=', patient.id).execute()).length;
		const [typesBefore, plansBefore] = [await planTypes(), await plans()];
		for (const role of ['anonymous', 'patient', 'practitioner', 'reception'] as const) {
			const refused = await formPost(
				'/staff/settings/packages?/createPlan',
				{ nameJa: '月額', nameEn: 'Monthly', serviceIds: service.id, visitsPerMonth: '4', monthlyPriceJpy: '16000', renewalDay: '1' },
				cookies[role]
			);
			await refused.arrayBuffer();
			expect([303, 403], role).toContain(refused.status);
		}
		for (const role of ['anonymous', 'patient', 'practitioner'] as const) {
			const refused = await formPost(
				`/staff/patients/${patient.id}/packages?/startPlan`,
				{ packageTypeId: '00000000-0000-4000-8000-000000000000', amountJpy: '1000' },
				cookies[role]
			);
			await refused.arrayBuffer();
			expect([303, 403], role).toContain(refused.status);
		}
		expect([await planTypes(), await plans()]).toEqual([typesBefore, plansBefore]);
	});
});

describe('the 施術報告書, consent rules and the 受領委任 施術録 (issue #19)', () => {
	it('lets only the owner and practitioners issue a report or print the record apart, and only the owner add a consent rule', async () => {
		const patient = await db.kysely.selectFrom('patient').select('id').where('email', '=', 'insured@example.jp').executeTakeFirstOrThrow();
		const reports = async () => (await db.kysely.selectFrom('jukyo_doctor_report').select('id').execute()).length;
		const rules = async () => (await db.kysely.selectFrom('jukyo_consent_rule').select('id').execute()).length;
		const [reportsBefore, rulesBefore] = [await reports(), await rules()];
		for (const role of ['anonymous', 'patient', 'reception'] as const) {
			const refused = await formPost(`/staff/patients/${patient.id}/insurance/report?/issue`, { remarks: 'x' }, cookies[role]);
			await refused.arrayBuffer();
			expect([303, 403], role).toContain(refused.status);
			const record = await fetch(`${base}/staff/patients/${patient.id}/documents/jukyo-records`, {
				redirect: 'manual',
				headers: cookies[role] ? { cookie: cookies[role] } : {}
			});
			await record.arrayBuffer();
			expect([303, 403], role).toContain(record.status);
		}
		for (const role of ['anonymous', 'patient', 'practitioner', 'reception'] as const) {
			const refused = await formPost(
				'/staff/insurance/fees?/addRule',
				{ effectiveFrom: '2098-01-01', earlyUntilDay: '15', monthsAfterIfEarly: '5', monthsAfterIfLate: '6', source: 'x' },
				cookies[role]
			);
			await refused.arrayBuffer();
			expect([303, 403], role).toContain(refused.status);
		}
		expect([await reports(), await rules()]).toEqual([reportsBefore, rulesBefore]);
	});
});

describe('reversing an insurer payment (issue #21)', () => {
	it('lets only the desk reverse a payment, and keeps nothing when refused', async () => {
		const reversals = async () => (await db.kysely.selectFrom('jukyo_insurer_payment_reversal').select('id').execute()).length;
		const before = await reversals();
		for (const role of ['anonymous', 'patient', 'practitioner'] as const) {
			const refused = await formPost(
				'/staff/insurance/claims?/reversePayment',
				{ paymentId: '00000000-0000-4000-8000-000000000000', reason: 'x', confirm: 'on' },
				cookies[role]
			);
			await refused.arrayBuffer();
			expect([303, 403], role).toContain(refused.status);
		}
		// The desk reaches the use case: an unknown payment is not found, nothing is written.
		const unknown = await formPost(
			'/staff/insurance/claims?/reversePayment',
			{ paymentId: '00000000-0000-4000-8000-000000000000', reason: 'x', confirm: 'on' },
			cookies.reception
		);
		await unknown.arrayBuffer();
		expect(unknown.status).toBe(404);
		expect(await reversals()).toBe(before);
	});
});

describe('the second round of sign-in security (issue #16)', () => {
	it('lets only the owner revoke an invitation, and the revoked link stops working', async () => {
		const invited = await formPost('/staff/team?/invite', { email: 'revoke-me@example.jp', role: 'practitioner' }, cookies.owner);
		expect(invited.status).toBe(200);
		const link = /\/staff\/invite\/[A-Za-z0-9_-]+/.exec(await invited.text())?.[0];
		expect(link).toBeDefined();
		const { id } = await db.kysely.selectFrom('staff_invitation').select('id').where('email', '=', 'revoke-me@example.jp').executeTakeFirstOrThrow();
		for (const role of ['anonymous', 'patient', 'reception', 'practitioner'] as const) {
			const refused = await formPost('/staff/team?/revokeInvitation', { invitationId: id }, cookies[role]);
			await refused.arrayBuffer();
			expect([303, 403], role).toContain(refused.status);
		}
		expect(await (await request(link!, '')).text()).toContain('name="displayName"');
		const revoked = await formPost('/staff/team?/revokeInvitation', { invitationId: id }, cookies.owner);
		expect(revoked.status).toBe(200);
		expect(await (await request(link!, '')).text()).not.toContain('name="displayName"');
		const accept = await formPost(link!, { displayName: 'x', password: 'morning mist over the river' }, '');
		await accept.arrayBuffer();
		expect(accept.status).toBeGreaterThanOrEqual(400);
		expect(await db.kysely.selectFrom('staff').select('id').where('email', '=', 'revoke-me@example.jp').executeTakeFirst()).toBeUndefined();
	});

	it('shows a pending session no new secret and makes it no recovery codes', async () => {
		const response = await request('/api/v1/auth/login', '', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ email: 'owner@example.jp', password: ownerPassword })
		});
		const pending = response.headers
			.getSetCookie()
			.find((c) => c.startsWith('shinkyu_staff='))!
			.split(';')[0]!;
		const reveal = await formPost('/staff/account/totp?/reveal', { password: ownerPassword }, pending);
		expect(reveal.status).toBe(409);
		expect(await reveal.text()).not.toContain('totp-secret');
		const recovery = await formPost('/staff/account?/recovery', { proof: ownerPassword }, pending);
		await recovery.arrayBuffer();
		expect(`${recovery.status} ${recovery.headers.get('location')}`).toBe('303 /staff/login/totp');
		// A fully signed-in owner still needs the password or a code for new recovery codes.
		const guessed = await formPost('/staff/account?/recovery', { proof: 'not the password' }, cookies.owner);
		expect(guessed.status).toBe(400);
		expect(await guessed.text()).not.toContain('recovery-codes');
	});

	it('ends the pending session after five wrong codes, and refuses the right one until the lock passes', async () => {
		const signIn = () =>
			request('/api/v1/auth/login', '', {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ email: 'practitioner@example.jp', password: practitionerPassword })
			});
		const pending = (await signIn()).headers
			.getSetCookie()
			.find((c) => c.startsWith('shinkyu_staff='))!
			.split(';')[0]!;
		const statuses: number[] = [];
		for (let i = 0; i < 5; i++) {
			const wrong = await formPost('/staff/login/totp', { code: String(i).repeat(6) }, pending);
			await wrong.arrayBuffer();
			statuses.push(wrong.status);
		}
		expect(statuses).toEqual([400, 400, 400, 400, 429]);
		expect((await request('/staff/login/totp', pending)).headers.get('location')).toBe('/staff/login?next=%2Fstaff%2Flogin%2Ftotp');
		const again = (await signIn()).headers
			.getSetCookie()
			.find((c) => c.startsWith('shinkyu_staff='))!
			.split(';')[0]!;
		const right = await formPost('/staff/login/totp', { code: await staffTotpCode(base, 'practitioner@example.jp', practitionerPassword) }, again);
		expect(right.status).toBe(429);
	});
});
