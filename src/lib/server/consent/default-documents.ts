import { randomUUID } from 'node:crypto';
import { isRequiredKind, type ConsentKind } from '../../domain/consent/kinds';
import type { Db } from '../db/database';
import { insertMissingConsentDocuments } from './consent-repository';

/*
 * Version 1 of each consent document, written for this product. Paragraphs are separated by a
 * blank line. Facts come from docs/clinical-rules.md: minor effects in about one patient in ten and serious
 * ones on the order of 1 in 10,000 treatments (§3), usual retention 20–30 minutes (§3), explicit
 * consent for health data as 要配慮個人情報 and five-year keeping of 施術録 (§6). A clinic changes
 * a text by publishing a new version (staff/consents); these never overwrite one.
 */

export interface ConsentText {
	titleJa: string;
	titleEn: string;
	bodyJa: string;
	bodyEn: string;
}

const paragraphs = (...lines: string[]) => lines.join('\n\n');

export const DEFAULT_CONSENT_TEXTS: Record<ConsentKind, ConsentText> = {
	treatment: {
		titleJa: 'はり・きゅう施術についての説明と同意',
		titleEn: 'Consent to acupuncture and moxibustion',
		bodyJa: paragraphs(
			'はり（鍼）の施術では、ごく細い鍼を皮膚から体に刺します。鍼はすべて滅菌済みの使い捨てで、一度使ったものは廃棄し、再使用はしません。1回の施術で使う鍼はおおむね5〜20本で、刺したまま20〜30分ほど置くことがあります。抜き忘れを防ぐため、刺した本数と抜いた本数を毎回数えて記録します。',
			'きゅう（灸）の施術では、もぐさを燃やしてツボを温めます。皮膚の上で直接燃やす方法と、皮膚から離して温める方法があります。',
			'施術中は、鍼を刺した所に重い感じや鈍い痛みを感じることがあります。施術の後、およそ10人に1人の方が、軽い痛みやだるさ、鍼の跡の小さな内出血や少量の出血、疲れや眠気などを感じます。多くは1〜2日で治まります。',
			'重い有害事象はまれで、施術1万回に1回程度とされています。施術中の気分不良や失神、感染、鍼が深く入ることによる臓器の損傷（胸や背中の上部では肺など）がこれに当たります。清潔な手技と適切な深さを守り、施術中はあなたの様子に気を配って、こうした危険をできるだけ小さくします。',
			'お灸では、小さなやけどや水ぶくれができたり、皮膚に跡が残ったりすることがあります。熱すぎると感じたら、すぐにお知らせください。',
			'施術の前に、次のことを必ず施術者にお伝えください。妊娠している、またはその可能性があること。血液をさらさらにする薬（ワルファリンなど）を飲んでいる、または出血しやすい病気があること。ペースメーカーなど体内に電子機器が入っていること。糖尿病や、免疫が弱くなる病気・治療があること。皮膚の病気やむくみ（リンパ浮腫）があること。注射や施術で気分が悪くなったり倒れたりしたことがあること。内容に応じて、使うツボや方法を変えたり、控えたりします。',
			'はり・きゅうは医師の診断や治療に代わるものではなく、効果には個人差があります。症状が悪くなったときや新しい症状が出たときは、医師の診察を受けてください。',
			'施術は、施術中であっても、理由を言わずにいつでも中止できます。わからないことは、施術の前でも施術中でも遠慮なくお尋ねください。',
			'署名することで、この説明を読み、質問する機会があったことを確認し、当院でのはり・きゅう施術に同意したことになります。'
		),
		bodyEn: paragraphs(
			'In acupuncture, very fine needles are inserted through the skin. Every needle is sterile and single-use: it is thrown away after one use and never reused. A session usually uses about 5 to 20 needles, which may stay in place for about 20 to 30 minutes. To make sure none is left behind, we count and record the needles put in and taken out every time.',
			'In moxibustion, dried mugwort (moxa) is burned to warm chosen points, either on the skin or held just above it.',
			'During treatment you may feel heaviness or a dull ache where a needle is. Afterwards, about one patient in ten notices a minor effect such as soreness, a small bruise or a little bleeding where a needle was, or tiredness and drowsiness. These usually pass within a day or two.',
			'Serious problems are rare, on the order of one in ten thousand treatments. They include feeling faint or fainting during treatment, infection, and injury to an organ by a needle that goes too deep (for example the lung, when needling the chest or upper back). We keep these risks as small as we can with clean technique, careful needle depth, and by watching you throughout the session.',
			'Moxibustion can cause a small burn or blister, and may leave a mark on the skin. Tell us at once if the heat feels too strong.',
			'Before treatment, please always tell the practitioner if you are or may be pregnant; take medicine that thins the blood (such as warfarin) or bleed easily; have a pacemaker or another electronic device implanted in your body; have diabetes, or an illness or treatment that weakens your immune system; have a skin condition or swelling (lymphoedema); or have felt faint or fainted during an injection or a treatment before. We then change or avoid certain points and techniques.',
			'Acupuncture and moxibustion do not replace a doctor’s diagnosis or treatment, and results differ from person to person. If your symptoms get worse or new symptoms appear, please see a doctor.',
			'You may stop treatment at any time, even in the middle of a session, without giving a reason. Please ask about anything you are unsure of, before or during treatment.',
			'By signing, you confirm that you have read this explanation and had the chance to ask questions, and that you agree to acupuncture and moxibustion treatment at this clinic.'
		)
	},
	privacy: {
		titleJa: '個人情報（健康に関する情報）の取り扱いへの同意',
		titleEn: 'Consent to the handling of your personal and health information',
		bodyJa: paragraphs(
			'当院がお預かりする情報: お名前、連絡先、生年月日などの基本情報、問診でお答えいただいた症状・既往歴・服薬などの健康に関する情報、施術の記録（使ったツボや方法、鍼の本数、施術後の反応など）、予約の履歴です。',
			'利用する目的: 安全に施術を行うため、法律で定められた記録を残すため、予約の管理とご連絡のため、健康保険を使う場合の療養費の請求のためです。これ以外の目的には、あらためて同意をいただかない限り使いません。',
			'健康に関する情報は、個人情報保護法上の「要配慮個人情報」に当たり、ご本人の同意なしに取得することはできません。この同意は、そのための明示的な同意です。',
			'施術の記録（施術録）は、法律の定めに従い5年間保管し、その間は安全に管理します。',
			'情報を見ることができるのは、あなたの施術や予約のために必要な当院の施術者と受付スタッフだけです。健康保険を使う場合は、請求に必要な情報を保険者に提出します。それ以外に、ご本人の同意なく第三者に提供することはありません。ただし、法令に基づく場合や、命や身体を守るために緊急に必要で同意をいただくことが難しい場合を除きます。',
			'ご自身の情報について、開示（写しをお渡しすることを含みます）、訂正、削除を求めることができます。患者用ページ（ポータル）から、または受付でお申し出ください。法律で保管が義務づけられている記録は、保管期間が終わるまで削除できないことがあります。',
			'個人情報の取り扱いについてのご質問やご相談は、受付、または当院の案内ページに記載の連絡先までお寄せください。'
		),
		bodyEn: paragraphs(
			'What we keep: your name, contact details, date of birth and similar details; health information you give us in questionnaires, such as symptoms, past illnesses and medicines; records of your treatment (the points and techniques used, needle counts, how you reacted); and your appointment history.',
			'Why: to treat you safely, to keep the records the law requires, to manage your appointments and contact you, and to claim treatment costs (療養費) when you use health insurance. We use your information for nothing else unless you agree to it separately.',
			'Health information is “special care-required personal information” (要配慮個人情報) under Japan’s Act on the Protection of Personal Information, and may only be collected with your consent. This is that explicit consent.',
			'As the law requires, we keep your treatment records (施術録) for five years, and keep them secure for all that time.',
			'Only the practitioners and reception staff of this clinic who need your information for your treatment or appointments can see it. When you use health insurance, we send your insurer what the claim requires. Otherwise we never give your information to anyone else without your consent, except where a law requires it, or where it is urgently needed to protect someone’s life or health and your consent cannot be obtained.',
			'You may ask us to show you your information (including giving you a copy), to correct it, or to delete it. You can ask in the patient portal or at the desk. Records the law requires us to keep cannot be deleted before their keeping period ends.',
			'For questions about how we handle your information, ask at the desk or use the contact details on the clinic page.'
		)
	},
	reminders: {
		titleJa: '予約リマインダーメールの受け取り',
		titleEn: 'Appointment reminders by e-mail',
		bodyJa: paragraphs(
			'同意いただいた場合、予約の約24時間前に、日時をお知らせするメールをお送りします。メールには症状や施術の内容など、健康に関する情報は書きません。',
			'この同意は任意です。同意しなくても、施術やご予約には何の影響もありません。患者用ページからいつでも取り消すことができます。'
		),
		bodyEn: paragraphs(
			'If you agree, we send you an e-mail about 24 hours before each appointment with its date and time. The e-mail says nothing about your health or your treatment.',
			'This is your choice. Saying no does not affect your treatment or your bookings in any way, and you can withdraw at any time in the patient portal.'
		)
	},
	research: {
		titleJa: '匿名化したデータの研究・改善への利用',
		titleEn: 'Use of anonymised data for research',
		bodyJa: paragraphs(
			'同意いただいた場合、あなたの施術記録や痛みの評価などを、お名前やあなただと分かる情報を取り除いたうえで、施術の効果を調べるための研究や、当院の施術の改善に使います。結果を報告書や学会などで発表することがありますが、そこからあなたを特定することはできません。',
			'この同意は任意です。同意しなくても、施術には何の影響もありません。患者用ページからいつでも取り消すことができ、取り消した後は新たな分析にあなたのデータを使いません。ただし、すでに発表された結果を変えることはできません。'
		),
		bodyEn: paragraphs(
			'If you agree, we may use your treatment records and measures such as your pain scores, with your name and anything else that could identify you removed, to study how well treatment works and to improve our care. Results may be shared in reports or at professional meetings, but no one will be able to tell that any of the data are yours.',
			'This is your choice. Saying no does not affect your treatment in any way. You can withdraw at any time in the patient portal; after that we do not use your data in any new analysis, although results already published cannot be changed.'
		)
	}
};

/**
 * Publishes version 1 of every kind that has none. Idempotent, and safe when several instances
 * start together: the unique (kind, version) pair turns a second insert into nothing.
 */
export async function ensureDefaultConsentDocuments(db: Db, now = db.clock.now()): Promise<void> {
	const rows = (Object.entries(DEFAULT_CONSENT_TEXTS) as Array<[ConsentKind, ConsentText]>).map(([kind, text]) => ({
		id: randomUUID(),
		kind,
		version: 1,
		required: isRequiredKind(kind) ? 1 : 0,
		title_ja: text.titleJa,
		title_en: text.titleEn,
		body_ja: text.bodyJa,
		body_en: text.bodyEn,
		created_at: now.toISOString(),
		created_by: null
	}));
	await insertMissingConsentDocuments(db, rows);
}
