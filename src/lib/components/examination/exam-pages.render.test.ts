import { render } from 'svelte/server';
import { describe, expect, it, vi } from 'vitest';
import { emptySide, PATTERNS, ROOTS, slrPositive, suggestRoot, type ExamFindings } from '$lib/domain/clinical/examination';
import { levelOfFlags, RED_FLAG_QUESTIONS } from '$lib/domain/triage/assess';
import { EXAM_SIDES } from '$lib/domain/clinical/examination';
import ExamPage from '../../../routes/[[lang=lang]]/staff/patients/[id]/exams/[examId]/+page.svelte';
import ReferralPage from '../../../routes/[[lang=lang]]/staff/patients/[id]/exams/[examId]/referral/+page.svelte';
import ListPage from '../../../routes/[[lang=lang]]/staff/patients/[id]/exams/+page.svelte';

vi.mock('$app/state', () => ({ page: { url: new URL('http://localhost/staff/patients/p1/exams'), data: {} } }));

const patient = { id: 'p1', patientNumber: 'P-5', name: '佐藤 健', dateOfBirth: '1970-04-01' };

function s1Findings(redFlags: ExamFindings['redFlags'] = []): ExamFindings {
	return {
		side: 'right',
		left: emptySide(),
		right: {
			...emptySide(),
			painAreas: ['backOfThigh', 'backOfCalf'],
			numbAreas: ['heelAndSole', 'littleToe'],
			slrAngle: 45,
			slrReproducesPain: true,
			reflexes: { knee: 'normal', ankle: 'reduced' },
			strength: { ...emptySide().strength, plantarFlexion: 4 }
		},
		crossedSlr: false,
		redFlags,
		pattern: null,
		patternNotes: '',
		tongue: '',
		pulse: '',
		notes: ''
	};
}

function examData(locale: 'ja' | 'en', findings: ExamFindings, acknowledgement: { at: string; by: string; reason: string } | null = null) {
	const exam = {
		id: 'e1',
		kind: 'initial' as const,
		examinedAt: '2026-03-02T01:00:00.000Z',
		practitionerName: '佐藤 美穂',
		findings,
		suggestedRoot: 'S1',
		confirmedRoot: null,
		pattern: 'taiyang',
		redFlagPositive: levelOfFlags(findings.redFlags) === 'emergency',
		redFlagLevel: levelOfFlags(findings.redFlags),
		acknowledgement
	};
	const slr = (['left', 'right'] as const).map((side) => ({
		side,
		angle: findings[side].slrAngle,
		positive: slrPositive(findings[side].slrAngle, findings[side].slrReproducesPain)
	}));
	return { locale, patient, exam, suggestion: suggestRoot(findings), slr, saved: true, timeZone: 'Asia/Tokyo', roots: ROOTS, patterns: PATTERNS };
}

function listData(locale: 'ja' | 'en', givenHistory: Array<{ flag: 'cancerHistory'; source: 'intake' | 'self_check'; givenAt: string }> = []) {
	return {
		locale,
		patient,
		appointmentId: null,
		timeZone: 'Asia/Tokyo',
		examinations: [],
		givenHistory,
		options: { sides: EXAM_SIDES, patterns: PATTERNS, redFlags: RED_FLAG_QUESTIONS },
		textMax: 2000
	};
}

const bare = (body: string) => body.replace(/<!--[^]*?-->/g, '');

describe('the examination pages', () => {
	it('offers the intake body diagram for pain and for numbness, both views, with every leg region', () => {
		const body = bare(render(ListPage, { props: { data: listData('ja'), form: null } as never }).body);
		for (const name of ['pain.back.lowerLeg-right', 'pain.front.thigh-left', 'numb.back.ankleFoot-right', 'numb.front.lowerLeg-left'])
			expect(body).toContain(`name="${name}"`);
		expect(body).toContain('name="right.numb.littleToe"');
		expect(body).toContain('name="left.area.outerShin"');
		expect(body).toContain('下肢伸展挙上テスト（SLR）');
		expect(body).toContain('アキレス腱反射');
		expect(body).not.toMatch(/examination\.[a-zA-Z]/);
	});

	it('names every bad field at the top, linking to it, and keeps what was entered', () => {
		const form = {
			values: { side: 'left', 'left.slrAngle': '120', 'pain.back.thigh-left': 'on' },
			errors: { 'left.slrAngle': '0から90の数字を入力してください。' }
		};
		const body = bare(render(ListPage, { props: { data: listData('ja'), form } as never }).body);
		expect(body).toMatch(/<a href="#field-left.slrAngle"[^>]*>左・SLRの角度: 0から90の数字を入力してください。<\/a>/);
		expect(body).toMatch(/id="field-left.slrAngle"[^>]*value="120"/);
		expect(body).toMatch(/name="pain.back.thigh-left" value="on" checked/);
	});

	it('shows the suggested root with the findings that point to it', () => {
		const body = bare(render(ExamPage, { props: { data: examData('ja', s1Findings()), form: null } as never }).body);
		expect(body).toContain('所見からの提案: S1');
		expect(body).toContain('右：アキレス腱反射の低下・消失');
		expect(body).toContain('右：ふくらはぎの痛み・しびれ');
		expect(body).toContain('SLR陽性（45°）');
		expect(body).not.toContain('data-testid="exam-blocked"');
	});

	it('blocks treatment on a red flag and offers the referral letter', () => {
		const body = bare(render(ExamPage, { props: { data: examData('en', s1Findings(['saddleNumbness'])), form: null } as never }).body);
		expect(body).toContain('data-testid="exam-blocked"');
		expect(body).toContain('href="/en/staff/patients/p1/exams/e1/referral"');
	});

	it('asks for an acknowledgement of an urgent finding instead of blocking, with the referral letter (docs/clinical-rules.md §1)', () => {
		const body = bare(render(ExamPage, { props: { data: examData('en', s1Findings(['feverOrUnwell'])), form: null } as never }).body);
		expect(body).not.toContain('data-testid="exam-blocked"');
		expect(body).toContain('data-testid="exam-needs-acknowledgement"');
		expect(body).toContain('action="?/acknowledge"');
		expect(body).toMatch(/<textarea id="field-reason" name="reason"/);
		expect(body).toContain('href="/en/staff/patients/p1/exams/e1/referral"');

		const done = bare(
			render(ExamPage, {
				props: {
					data: examData('ja', s1Findings(['worsening']), { at: '2026-03-02T02:00:00.000Z', by: '佐藤 美穂', reason: '主治医に確認済み' }),
					form: null
				} as never
			}).body
		);
		expect(done).toContain('医師に相談');
		expect(done).toMatch(/data-testid="exam-acknowledged">[^<]*佐藤 美穂 が確認: 主治医に確認済み/);
		expect(done).not.toContain('action="?/acknowledge"');
	});

	it('shows a cancer history the patient gave as ticked, not to be unticked', () => {
		const body = bare(
			render(ListPage, {
				props: { data: listData('ja', [{ flag: 'cancerHistory', source: 'intake', givenAt: '2026-02-20T00:00:00.000Z' }]), form: null } as never
			}).body
		);
		expect(body).toMatch(/data-testid="given-history-cancerHistory"><input type="checkbox" checked="" disabled=""/);
		expect(body).not.toContain('name="redFlag.cancerHistory"');
		expect(body).toContain('name="redFlag.feverOrUnwell"');
		expect(body).toContain('問診票で申告（2026/02/20）。既往歴のため外せません。');
	});

	it('writes the referral letter in the viewer’s language with the red flags and findings', () => {
		for (const locale of ['ja', 'en'] as const) {
			const data = {
				...examData(locale, s1Findings(['progressiveWeakness'])),
				clinic: { name: 'Clinic', address: 'Tokyo', phone: '03' },
				author: 'Dr',
				writtenAt: '2026-11-27T03:00:00Z'
			};
			const body = bare(render(ReferralPage, { props: { data } as never }).body);
			expect(body).toContain(locale === 'ja' ? '医師への紹介状' : 'Referral letter');
			// The letter is dated by the server's clock in the clinic's time zone, not the viewer's.
			expect(body).toContain(locale === 'ja' ? '2026年11月27日' : '27 November 2026');
			expect(body).toContain('data-testid="referral-red-flags"');
			expect(body).not.toMatch(/examination\.[a-zA-Z]/);
		}
	});
});
