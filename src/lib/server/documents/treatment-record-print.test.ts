import { randomUUID } from 'node:crypto';
import { giveConsent } from '../consent/test-fixtures';
import { describe, expect, it } from 'vitest';
import { pdfPages, pdfText, squashed } from '../../../../tests/support/pdf-text';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import type { AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import type { Mailer } from '../mail/mailer';
import { insertPatient, insertPractitioner, insertStaff } from '../outcomes/test-fixtures';
import { closeSession } from '../treatment-session/close-session';
import { setNeedleCounts } from '../treatment-session/needle-counts';
import { recordAdverseEvent } from '../treatment-session/record-adverse-event';
import { recordNotes } from '../treatment-session/record-notes';
import { recordPrePain } from '../treatment-session/record-pre-pain';
import { recordTechniques } from '../treatment-session/record-techniques';
import { addSessionPoint } from '../treatment-session/session-points';
import { startSession } from '../treatment-session/start-session';
import { monthRange, ZRecordQuerySchema } from './record-month';
import { treatmentRecordPdf } from './treatment-record-print';

const FEBRUARY = new Date('2026-02-27T01:00:00.000Z'); // 10:00 in Tokyo
const MARCH = new Date('2026-03-02T01:00:00.000Z');
const AFTER_LOCK = new Date(MARCH.getTime() + 25 * 60 * 60 * 1000);
const silentMailer: Mailer = { canDeliver: false, send: async () => ({ id: '1', delivered: false }) };

async function practitioner(db: Db): Promise<AuditActor> {
	const staff = await insertStaff(db, 'practitioner', { name: '佐藤 美穂' });
	const id = await insertPractitioner(db, staff.id);
	await db.kysely.updateTable('practitioner').set({ hari_licence: '第900201号', kyu_licence: '第900202号' }).where('id', '=', id).execute();
	return { type: 'staff', id: staff.id, ip: null, requestId: null };
}

async function session(db: Db, patientId: string, actor: AuditActor, now: Date, record: (sessionId: string) => Promise<unknown> = async () => {}) {
	await giveConsent(db, patientId);
	const started = await startSession(db, patientId, {}, actor, { now });
	if (!started.ok) throw new Error(started.code);
	await record(started.id);
	await closeSession(db, patientId, started.id, actor, now);
	return started.id;
}

/** A February session, and a March one with everything recorded, amended after the lock. */
async function recordedPatient(db: Db, actor: AuditActor) {
	const patientId = await insertPatient(db);
	await db.kysely
		.updateTable('patient')
		.set({
			date_of_birth: '1975-09-14',
			sex: 'male',
			postal_code: '420-0852',
			address: '静岡市葵区紺屋町1-2',
			insurer_number: '06270015',
			insurance_symbol: '静岡',
			insurance_number: '1234',
			insurance_branch: '01'
		})
		.where('id', '=', patientId)
		.execute();
	await session(db, patientId, actor, FEBRUARY, (id) => recordNotes(db, patientId, id, { notes: '二月の施術' }, actor, FEBRUARY));
	const march = await session(db, patientId, actor, MARCH, async (id) => {
		await recordPrePain(db, patientId, id, { preLegPain: '7', preBackPain: '4' }, actor, MARCH);
		await addSessionPoint(
			db,
			patientId,
			id,
			{
				code: 'BL40',
				side: 'both',
				gauge: '3',
				lengthMm: '40',
				depthMm: '15',
				technique: 'retention',
				deqi: 'mild',
				deep: 'on',
				'ack.pointCaution.deepNeedling.BL40': '膝窩動脈を触知して避けた。'
			},
			actor,
			MARCH
		);
		await addSessionPoint(
			db,
			patientId,
			id,
			{ code: 'GB30', side: 'left', gauge: '5', lengthMm: '60', depthMm: '45', technique: 'sparrow_pecking', deqi: 'strong' },
			actor,
			MARCH
		);
		await setNeedleCounts(db, patientId, id, { needlesIn: '3', needlesOut: '3' }, actor, MARCH);
		await recordTechniques(
			db,
			patientId,
			id,
			{ eaPairs: '2', eaFrequencyHz: '2', eaMinutes: '15', moxaType: 'needle_top', moxaCones: '2', cuppingCups: '4', cuppingMinutes: '5' },
			actor,
			MARCH
		);
		await recordNotes(db, patientId, id, { notes: '初回の記録' }, actor, MARCH);
	});
	await recordNotes(db, patientId, march, { notes: '訂正後の記録', reason: '記載漏れの追記' }, actor, AFTER_LOCK);
	await recordAdverseEvent(
		db,
		silentMailer,
		patientId,
		march,
		{ kind: 'bruising', severity: 'mild', outcome: 'resolving', description: 'BL40に小さな内出血' },
		actor,
		{ now: MARCH }
	);
	return patientId;
}

describe('the month of a treatment record', () => {
	it('accepts YYYY-MM or nothing, and names the bad value', () => {
		expect(ZRecordQuerySchema.parse({ month: '2026-03' })).toEqual({ month: '2026-03' });
		expect(ZRecordQuerySchema.parse({ month: '' })).toEqual({ month: null });
		expect(ZRecordQuerySchema.parse({})).toEqual({ month: null });
		for (const month of ['2026-13', '2026-3', 'March', '2026-03-01']) {
			const parsed = ZRecordQuerySchema.safeParse({ month });
			expect(parsed.success, month).toBe(false);
			expect(parsed.error?.issues[0]?.message).toBe('documents.records.monthInvalid');
		}
	});

	it('is the clinic-local month: March in Tokyo begins at 15:00 UTC on the last day of February, December runs into January', () => {
		expect(monthRange('2026-03', 'Asia/Tokyo')).toEqual({ from: '2026-02-28T15:00:00.000Z', to: '2026-03-31T15:00:00.000Z' });
		expect(monthRange('2026-12', 'Asia/Tokyo')).toEqual({ from: '2026-11-30T15:00:00.000Z', to: '2026-12-31T15:00:00.000Z' });
	});
});

describeEachDatabase('the treatment record (施術録) PDF', (db) => {
	it('prints every session in Japanese with the practitioner’s licences, points, needles, techniques, notes, adverse events and the insurance card', async () => {
		const actor = await practitioner(db());
		const patientId = await recordedPatient(db(), actor);
		const document = await treatmentRecordPdf(db(), patientId, { month: null }, 'ja', actor);
		const patient = await db().kysely.selectFrom('patient').select('patient_number').where('id', '=', patientId).executeTakeFirstOrThrow();
		expect(document!.filename).toBe(`施術録_${patient.patient_number}.pdf`);
		const raw = document!.pdf.toString('latin1');
		expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansJP-Regular/);
		expect(raw).toContain('/FontFile2');
		const text = squashed(pdfText(document!.pdf));
		for (const fact of [
			'施術録',
			'山田 花子',
			'ヤマダ ハナコ',
			'1975-09-14',
			'男性',
			'〒420-0852 静岡市葵区紺屋町1-2',
			'保険者番号 06270015',
			'記号 静岡',
			'枝番 01',
			'施術回数2回',
			'2026年2月27日金曜日',
			'二月の施術',
			'2026年3月2日月曜日',
			'佐藤 美穂',
			'はり師 第900201号・きゅう師 第900202号',
			'脚 7・腰 4',
			'刺入 3本・抜鍼 3本',
			'BL40 委中',
			'両側',
			'3番',
			'40 mm',
			'15 mm・深刺',
			'この施術で確認した注意',
			'膝窩動脈を触知して避けた。',
			'置鍼',
			'GB30 環跳',
			'雀啄術',
			'2組・2 Hz・15分',
			'灸頭鍼・2壮',
			'4個・5分',
			'内出血・軽度・経過: 回復しつつある',
			'BL40に小さな内出血'
		]) {
			expect(text, fact).toContain(squashed(fact));
		}
		const audit = await db()
			.kysely.selectFrom('audit_log')
			.select(['action', 'detail'])
			.where('patient_id', '=', patientId)
			.where('action', '=', 'document.treatment_record')
			.execute();
		expect(audit).toHaveLength(1);
		expect(JSON.parse(audit[0]!.detail!)).toEqual({ month: null, sessions: 2 });
	});

	it('shows an amendment after the entry with who, when and why, keeping the original value beside the new one', async () => {
		const actor = await practitioner(db());
		const patientId = await recordedPatient(db(), actor);
		const text = pdfText((await treatmentRecordPdf(db(), patientId, { month: '2026-03' }, 'ja', actor))!.pdf);
		const flat = squashed(text);
		expect(flat).toContain(squashed('修正（2026/03/03 11:00・佐藤 美穂）'));
		expect(flat).toContain(squashed('理由: 記載漏れの追記'));
		// The original and the amended notes, in that order on the amendment's row, after the entry itself.
		expect(flat).toMatch(/メモ初回の記録訂正後の記録/);
		expect(flat.indexOf('修正（')).toBeGreaterThan(flat.indexOf('BL40に小さな内出血'));
	});

	it('prints one month only, leaving out the sessions of other months', async () => {
		const actor = await practitioner(db());
		const patientId = await recordedPatient(db(), actor);
		const document = await treatmentRecordPdf(db(), patientId, { month: '2026-03' }, 'ja', actor);
		expect(document!.filename).toMatch(/_2026-03\.pdf$/);
		const text = squashed(pdfText(document!.pdf));
		expect(text).toContain('2026年3月');
		expect(text).toContain('2026年3月2日月曜日');
		expect(text).toContain('施術回数1回');
		expect(text).not.toContain('2026年2月27日');
		expect(text).not.toContain('二月の施術');
		const empty = squashed(pdfText((await treatmentRecordPdf(db(), patientId, { month: '2025-12' }, 'ja', actor))!.pdf));
		expect(empty).toContain('この期間の施術記録はありません。');
	});

	it('is written in English on request', async () => {
		const actor = await practitioner(db());
		const patientId = await recordedPatient(db(), actor);
		const document = await treatmentRecordPdf(db(), patientId, { month: null }, 'en', actor);
		expect(document!.filename).toMatch(/^Treatment record_P-/);
		const text = squashed(pdfText(document!.pdf));
		for (const fact of [
			'Treatment record (施術録)',
			'Male',
			'Insurer number (保険者番号) 06270015',
			'Monday, 2 March 2026',
			'acupuncturist (はり師) 第900201号',
			'Leg 7, back 4',
			'3 inserted, 3 removed',
			'BL40 Weizhong',
			'15 mm, deep',
			'Acknowledged in this session',
			'Sparrow pecking',
			'2 pairs, 2 Hz, 15 min',
			'Bruising, Mild, outcome: Resolving',
			'Amendment (3 Mar 2026, 11:00',
			'初回の記録',
			'訂正後の記録'
		]) {
			expect(text, fact).toContain(squashed(fact));
		}
	});

	it('gives nothing for an unknown or merged patient', async () => {
		const actor = await practitioner(db());
		expect(await treatmentRecordPdf(db(), randomUUID(), { month: null }, 'ja', actor)).toBeNull();
		const survivor = await insertPatient(db());
		expect(await treatmentRecordPdf(db(), await insertPatient(db(), { mergedInto: survivor }), { month: null }, 'ja', actor)).toBeNull();
	});

	it('stays readable over many pages: every session printed in date order, and every page names the patient', async () => {
		const actor = await practitioner(db());
		const patientId = await insertPatient(db());
		const number = (await db().kysely.selectFrom('patient').select('patient_number').where('id', '=', patientId).executeTakeFirstOrThrow()).patient_number!;
		const start = Date.parse('2024-01-09T01:00:00.000Z');
		const sessions = Array.from({ length: 120 }, (_, i) => ({ id: randomUUID(), at: new Date(start + i * 7 * 86_400_000).toISOString() }));
		await db()
			.kysely.insertInto('treatment_session')
			.values(
				sessions.map((s, i) => ({
					id: s.id,
					patient_id: patientId,
					appointment_id: null,
					practitioner_staff_id: actor.id!,
					bed_id: null,
					started_at: s.at,
					closed_at: s.at,
					pre_leg_pain: 7 - (i % 5),
					pre_back_pain: null,
					check_in_id: null,
					timer_started_at: null,
					notes: `第${i + 1}回の記録`,
					created_at: s.at,
					updated_at: s.at
				}))
			)
			.execute();
		await db()
			.kysely.insertInto('session_point')
			.values(
				sessions.flatMap((s) =>
					['BL25', 'BL40', 'GB30', 'GB34'].map((code) => ({
						id: randomUUID(),
						session_id: s.id,
						code,
						side: 'left' as const,
						gauge: '3',
						length_mm: 40,
						depth_mm: 20,
						technique: 'retention',
						deqi: null,
						created_at: s.at
					}))
				)
			)
			.execute();
		const pdf = (await treatmentRecordPdf(db(), patientId, { month: null }, 'ja', actor))!.pdf;
		const pages = pdfPages(pdf);
		expect(pages.length).toBeGreaterThan(30);
		for (const page of pages) expect(squashed(page)).toContain(squashed(`施術録\u3000山田 花子（${number}）`));
		const text = squashed(pages.join('\n'));
		const positions = sessions.map((_, i) => text.indexOf(`第${i + 1}回の記録`));
		expect(positions.every((p) => p >= 0)).toBe(true);
		expect(positions).toEqual([...positions].sort((a, b) => a - b));
		// A points table that crosses a page starts the new page with its header again.
		for (const page of pages.slice(1)) {
			const lines = page.split('\n');
			if (lines[0]?.startsWith('BL') || lines[0]?.startsWith('GB'))
				throw new Error(`a page starts mid-table without its header: ${lines.slice(0, 3).join(' | ')}`);
		}
	}, 60_000);
});
