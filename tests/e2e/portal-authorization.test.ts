import { beforeAll, describe, expect, inject, it } from 'vitest';
import { ROUTE_ACCESS } from '../../src/lib/server/http/route-access';
import { linkIn, waitForMail } from '../support/mailbox';
import { browserFormPost } from '../support/form-post';
import { staffCookie } from '../support/staff-session';

/*
 * Who may see what, walked over the real route table (issue #6): every portal route refuses a
 * visitor and a staff member without a portal session; every console route refuses a patient;
 * and one patient cannot reach another patient's appointment or signed consent by changing an id.
 */
const base = inject('baseUrl');
const formPost = (path: string, body: Record<string, string>, cookie = '') => browserFormPost(base, path, body, cookie);
const mailDir = inject('mailDir');
const passwords = inject('demoPasswords');

interface Patient {
	email: string;
	cookie: string;
	appointmentId: string;
	patientId?: string;
}

const alice: Patient = { email: 'authz.alice@example.jp', cookie: '', appointmentId: '' };
const bob: Patient = { email: 'authz.bob@example.jp', cookie: '', appointmentId: '' };
let bobSignatureId = '';
let bobPatientId = '';
let practitionerCookie = '';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

function dayAfter(days: number): string {
	return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

function get(path: string, cookie = '') {
	return fetch(`${base}${path}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });
}

/** Books a visit, then signs in to the portal through the link in the confirmation mail. */
async function bookAndSignIn(patient: Patient, givenName: string, slot: { start: string; practitionerId: string }, serviceId: string) {
	const response = await fetch(`${base}/api/v1/bookings`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({
			serviceId,
			practitionerId: slot.practitionerId,
			start: slot.start,
			locale: 'ja',
			patient: { familyName: '認可', givenName, email: patient.email, phone: `090-4444-${givenName === 'アリス' ? '0001' : '0002'}` },
			consent: { privacy: true }
		})
	});
	expect(response.status).toBe(201);
	patient.appointmentId = (await response.json()).id;
	const mail = await waitForMail(mailDir, patient.email, (m) => (m.text ?? '').includes('/portal/auth/'));
	const link = new URL(linkIn(mail, /https?:\/\/[^\s]+\/portal\/auth\/[a-z2-7]+/));
	const signedIn = await formPost(link.pathname, {});
	expect(signedIn.status).toBe(303);
	const cookie = signedIn.headers.getSetCookie().find((c) => c.startsWith('shinkyu_patient='));
	expect(cookie, 'portal session cookie').toBeDefined();
	patient.cookie = cookie!.split(';')[0]!;
}

/** A route id with its parameters filled in: Bob's ids wherever an id goes. */
function pathFor(routeId: string): string {
	return (
		routeId
			.replace('/[[lang=lang]]', '')
			.replace('[slug=article]', 'sciatica')
			.replace('[id].ics', `${bobPatientId}.ics`)
			.replace('[signatureId]', bobSignatureId)
			.replace('[step]', 'history')
			.replace('[token]', 'notatoken')
			.replace('[code]', 'BL40')
			.replace('[...unknown]', 'nothing-here')
			.replace(/\/portal\/appointments\/\[id\]/, `/portal/appointments/${bob.appointmentId}`)
			.replace('[id]', bobPatientId) || '/'
	);
}

beforeAll(async () => {
	const services = await (await fetch(`${base}/api/v1/services`)).json();
	const follow = services.find((s: { code: string }) => s.code === 'FOLLOW');
	const availability = await (await fetch(`${base}/api/v1/availability?service=${follow.id}&from=${dayAfter(5)}&to=${dayAfter(25)}`)).json();
	const slots = availability.slots as Array<{ start: string; practitionerId: string }>;
	await bookAndSignIn(alice, 'アリス', slots.at(-1)!, follow.id);
	await bookAndSignIn(bob, 'ボブ', slots.at(-5)!, follow.id);

	// Bob signs the privacy consent, so that he has a signature to look for.
	const consents = await (await get('/portal/consents', bob.cookie)).text();
	const documentId = /<section id="kind-privacy"[\s\S]*?name="documentId" value="([^"]+)"/.exec(consents)?.[1];
	expect(documentId).toBeDefined();
	const signed = await formPost(
		'/portal/consents?/sign',
		{ kind: 'privacy', documentId: documentId!, decision: 'agree', agree: 'on', typedName: '認可 ボブ' },
		bob.cookie
	);
	expect(signed.status).toBe(200);
	const list = await (await get('/portal/consents', bob.cookie)).text();
	bobSignatureId = new RegExp(`/portal/consents/(${UUID.source})`).exec(list)?.[1] ?? '';
	expect(bobSignatureId).toMatch(UUID);

	practitionerCookie = await staffCookie(base, 'practitioner@example.jp', passwords['practitioner@example.jp']);
	const search = await (await get(`/staff/patients?q=${encodeURIComponent('090-4444-0002')}`, practitionerCookie)).text();
	bobPatientId = new RegExp(`/staff/patients/(${UUID.source})`).exec(search)?.[1] ?? '';
	expect(bobPatientId).toMatch(UUID);
});

describe('the route table, walked as each kind of visitor', () => {
	const portalRoutes = Object.entries(ROUTE_ACCESS)
		.filter(([, access]) => access === 'patient')
		.map(([id]) => id);
	const consoleRoutes = Object.entries(ROUTE_ACCESS)
		.filter(([id, access]) => id.includes('/staff') && access !== 'public')
		.map(([id]) => id);

	it('has portal and console routes to walk', () => {
		expect(portalRoutes.length).toBeGreaterThan(8);
		expect(consoleRoutes.length).toBeGreaterThan(20);
	});

	it('sends a visitor, and a staff member without a portal session, to the portal sign-in', async () => {
		for (const id of portalRoutes) {
			for (const cookie of ['', practitionerCookie]) {
				const response = await get(pathFor(id), cookie);
				expect(response.status, `${id} ${cookie ? 'as staff' : 'anonymous'}`).toBe(303);
				expect(response.headers.get('location'), id).toBe('/portal/login');
			}
		}
	});

	it('never lets a patient into the console, on any route, with any id', async () => {
		for (const id of consoleRoutes) {
			const response = await get(pathFor(id), alice.cookie);
			expect(response.status, id).toBe(303);
			expect(response.headers.get('location'), id).toMatch(/^\/staff\/(login|account\/totp)/);
		}
	});

	it('keeps the staff patient API closed to a patient', async () => {
		const response = await get('/api/v1/patients?q=%E8%AA%8D%E5%8F%AF', alice.cookie);
		expect(response.status).toBe(401);
	});
});

describe('one patient, another patient’s ids', () => {
	it('shows each patient their own appointment', async () => {
		expect((await get(`/portal/appointments/${alice.appointmentId}`, alice.cookie)).status).toBe(200);
		expect((await get(`/portal/appointments/${bob.appointmentId}`, bob.cookie)).status).toBe(200);
		expect((await get(`/portal/consents/${bobSignatureId}`, bob.cookie)).status).toBe(200);
	});

	it('answers 404 when Alice asks for Bob’s appointment or his signed consent', async () => {
		expect((await get(`/portal/appointments/${bob.appointmentId}`, alice.cookie)).status).toBe(404);
		expect((await get(`/portal/consents/${bobSignatureId}`, alice.cookie)).status).toBe(404);
		const home = await (await get('/portal', alice.cookie)).text();
		expect(home).not.toContain(bob.appointmentId);
	});

	it('cannot cancel Bob’s appointment by posting its id', async () => {
		const response = await formPost(`/portal/appointments/${bob.appointmentId}?/cancel`, {}, alice.cookie);
		expect(response.status).toBe(404);
		const bobsView = await (await get(`/portal/appointments/${bob.appointmentId}`, bob.cookie)).text();
		expect(bobsView).not.toMatch(/キャンセル済み|キャンセルしました/);
	});

	it('gives Alice her own treatment summary as a PDF', async () => {
		const response = await get('/portal/documents/summary', alice.cookie);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/pdf');
		expect(
			Buffer.from(await response.arrayBuffer())
				.subarray(0, 5)
				.toString('latin1')
		).toBe('%PDF-');
	});

	it('exports only Alice’s own data to Alice', async () => {
		const response = await get('/portal/data/export', alice.cookie);
		expect(response.status).toBe(200);
		const body = await response.text();
		expect(body).toContain(alice.appointmentId);
		expect(body).not.toContain(bob.appointmentId);
		expect(body).not.toContain(bobSignatureId);
		expect(body).not.toContain('ボブ');
	});
});

describe('reception and clinical content', () => {
	it('shows reception a safety mark without a diagnosis and the consents, but not the clinical content, unless the owner allows it', async () => {
		const reception = await staffCookie(base, 'reception@example.jp', passwords['reception@example.jp']);
		const search = await (await get(`/staff/patients?q=${encodeURIComponent('さとう')}`, reception)).text();
		const chart = new RegExp(`/staff/patients/(${UUID.source})`).exec(search)?.[0];
		expect(chart).toBeDefined();
		const html = await (await get(chart!, reception)).text();
		// Reception needs to know to ask first, not why (issue 16): no medicine, device or pregnancy named.
		expect(html).toContain('ご案内の前に施術者に確認');
		expect(html).not.toContain('抗凝固薬');
		expect(html).toContain('施術への同意');
		expect(html).toContain('受付には表示されません');
		expect(html).not.toContain('経過（痛み・動作）');
		expect((await get(`${chart}/intake`, reception)).status).toBe(403);
		expect((await get(`${chart}/aftercare`, reception)).status).toBe(403);
		expect((await get(`${chart}/documents/summary`, reception)).status).toBe(403);
		const pdf = await get(`${chart}/documents/summary`, practitionerCookie);
		expect(pdf.status).toBe(200);
		expect(pdf.headers.get('content-type')).toBe('application/pdf');

		const practitionerView = await (await get(chart!, practitionerCookie)).text();
		expect(practitionerView).toContain('経過（痛み・動作）');
		expect(practitionerView).not.toContain('ご案内の前に施術者に確認');
		expect(practitionerView).not.toContain('受付には表示されません');
	});
});
