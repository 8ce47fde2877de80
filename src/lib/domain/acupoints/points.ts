/*
 * The acupoints most used for sciatica (docs/clinical-rules.md §2), with their WHO standard locations (2008)
 * written in our own words. `cun` (寸) is the proportional body unit. Chart positions are in the
 * coordinate system of body-regions.ts; every point is bilateral and the chart marks one side,
 * the one that keeps the labels apart.
 */
import { BODY_REGIONS, type BodyRegion, type ChartView } from './body-regions';

export type { BodyRegion, ChartView };
export { acupointName, type ChartedPoint } from './point-name';

export const MERIDIAN_CODES = ['GB', 'BL', 'ST', 'LI', 'SP', 'EX'] as const;
export type MeridianCode = (typeof MERIDIAN_CODES)[number];

export interface LocalizedText {
	readonly ja: string;
	readonly en: string;
}

export interface Acupoint {
	readonly code: string;
	readonly pinyin: string;
	/** Simplified Chinese, as in docs/clinical-rules.md §2. */
	readonly hanzi: string;
	/** The name taught in Japanese schools, with its reading in hiragana. */
	readonly japanese: { readonly kanji: string; readonly reading: string };
	readonly meridian: MeridianCode;
	readonly region: BodyRegion;
	readonly location: LocalizedText;
	readonly cautions: readonly LocalizedText[];
	/** What the cautions forbid, in a form the safety check reads (safety/alerts.ts); absent when nothing. */
	readonly limits?: PointLimits;
	readonly chart: { readonly view: ChartView; readonly x: number; readonly y: number };
}

/**
 * The acts a point's cautions forbid (docs/clinical-rules.md §2, column "cautions"), each with how
 * firmly: the safety check asks a reason before the act is planned or recorded. Cautions that only
 * inform (a nerve lies deep: stop at an electric sensation) have no limit.
 */
export interface PointLimits {
	readonly deepNeedling?: 'contraindication' | 'caution';
	readonly directMoxibustion?: 'contraindication' | 'caution';
}

export const MERIDIAN_NAMES: Readonly<Record<MeridianCode, LocalizedText>> = Object.freeze({
	GB: { ja: '胆経', en: 'Gallbladder' },
	BL: { ja: '膀胱経', en: 'Bladder' },
	ST: { ja: '胃経', en: 'Stomach' },
	LI: { ja: '大腸経', en: 'Large Intestine' },
	SP: { ja: '脾経', en: 'Spleen' },
	EX: { ja: '奇穴', en: 'Extra point' }
});

export const REGION_NAMES: Readonly<Record<BodyRegion, LocalizedText>> = Object.freeze({
	lowerBack: { ja: '腰', en: 'Lower back' },
	buttock: { ja: 'お尻（殿部）', en: 'Buttock' },
	thigh: { ja: '太もも（大腿部）', en: 'Thigh' },
	knee: { ja: '膝', en: 'Knee' },
	lowerLeg: { ja: 'すね・ふくらはぎ（下腿部）', en: 'Lower leg' },
	ankleFoot: { ja: '足首・足', en: 'Ankle and foot' },
	hand: { ja: '手', en: 'Hand' },
	shoulder: { ja: '肩', en: 'Shoulder' }
});

const SCIATIC_NERVE_DEEP: LocalizedText = {
	ja: '深部を坐骨神経が通ります。',
	en: 'The sciatic nerve runs deep beneath this point.'
};
const AVOIDED_IN_PREGNANCY: LocalizedText = {
	ja: '妊娠中は伝統的に使わないツボとされています。',
	en: 'Traditionally avoided during pregnancy.'
};

const POINTS: readonly Acupoint[] = [
	{
		code: 'GB30',
		pinyin: 'Huantiao',
		hanzi: '环跳',
		japanese: { kanji: '環跳', reading: 'かんちょう' },
		meridian: 'GB',
		region: 'buttock',
		location: {
			ja: 'お尻（殿部）。大転子と仙骨裂孔を結ぶ線を三等分し、外側3分の1と内側3分の2が接するところ。',
			en: 'On the buttock. On the line from the greater trochanter to the sacral hiatus, where its outer third meets its inner two-thirds.'
		},
		cautions: [
			{
				ja: '深部を坐骨神経が通ります。電気が走るような感覚があれば、すぐに刺入を止めてください。',
				en: 'The sciatic nerve lies deep beneath this point: stop at once if the patient feels an electric sensation.'
			}
		],
		chart: { view: 'back', x: 229.3, y: 239.3 }
	},
	{
		code: 'BL40',
		pinyin: 'Weizhong',
		hanzi: '委中',
		japanese: { kanji: '委中', reading: 'いちゅう' },
		meridian: 'BL',
		region: 'knee',
		location: {
			ja: '膝の裏。膝窩横紋（膝の裏側のしわ）の中央。',
			en: 'Behind the knee, at the midpoint of the popliteal crease (the skin crease at the back of the knee).'
		},
		cautions: [
			{
				ja: '下に膝窩動脈・膝窩静脈と脛骨神経があります。深く刺したり強く刺激したりしないでください。直接灸はしません。',
				en: 'The popliteal artery and vein and the tibial nerve lie beneath: no deep or forceful needling, and no direct moxibustion.'
			}
		],
		limits: { deepNeedling: 'contraindication', directMoxibustion: 'contraindication' },
		chart: { view: 'back', x: 218, y: 342 }
	},
	{
		code: 'BL23',
		pinyin: 'Shenshu',
		hanzi: '肾俞',
		japanese: { kanji: '腎兪', reading: 'じんゆ' },
		meridian: 'BL',
		region: 'lowerBack',
		location: {
			ja: '腰。第2腰椎棘突起の下縁と同じ高さで、背骨の中心線から外側へ1.5寸。',
			en: 'On the lower back, level with the lower border of the spinous process of the second lumbar vertebra (L2), 1.5 cun out from the midline.'
		},
		cautions: [
			{
				ja: '下に腎臓があります。深く刺したり、内側へ向けて斜めに刺したりしないでください。',
				en: 'The kidney lies beneath: do not needle deeply or angle the needle towards the midline.'
			}
		],
		limits: { deepNeedling: 'contraindication' },
		chart: { view: 'back', x: 190, y: 183 }
	},
	{
		code: 'BL25',
		pinyin: 'Dachangshu',
		hanzi: '大肠俞',
		japanese: { kanji: '大腸兪', reading: 'だいちょうゆ' },
		meridian: 'BL',
		region: 'lowerBack',
		location: {
			ja: '腰。第4腰椎棘突起の下縁と同じ高さで、背骨の中心線から外側へ1.5寸。',
			en: 'On the lower back, level with the lower border of the spinous process of the fourth lumbar vertebra (L4), 1.5 cun out from the midline.'
		},
		cautions: [],
		chart: { view: 'back', x: 210, y: 203 }
	},
	{
		code: 'BL36',
		pinyin: 'Chengfu',
		hanzi: '承扶',
		japanese: { kanji: '承扶', reading: 'しょうふ' },
		meridian: 'BL',
		region: 'thigh',
		location: {
			ja: '太ももの裏。殿溝（お尻と太ももの境目のしわ）の中点。',
			en: 'On the back of the thigh, at the midpoint of the gluteal fold (the crease where the buttock meets the thigh).'
		},
		cautions: [SCIATIC_NERVE_DEEP],
		chart: { view: 'back', x: 221, y: 269 }
	},
	{
		code: 'BL37',
		pinyin: 'Yinmen',
		hanzi: '殷门',
		japanese: { kanji: '殷門', reading: 'いんもん' },
		meridian: 'BL',
		region: 'thigh',
		location: {
			ja: '太ももの裏。殿溝から下へ6寸、大腿二頭筋と半腱様筋のあいだ。',
			en: 'On the back of the thigh, 6 cun below the gluteal fold, between the biceps femoris and semitendinosus muscles.'
		},
		cautions: [],
		chart: { view: 'back', x: 221, y: 300 }
	},
	{
		code: 'BL54',
		pinyin: 'Zhibian',
		hanzi: '秩边',
		japanese: { kanji: '秩辺', reading: 'ちっぺん' },
		meridian: 'BL',
		region: 'buttock',
		location: {
			ja: 'お尻（殿部）。第4後仙骨孔と同じ高さで、正中仙骨稜から外側へ3寸。',
			en: 'On the buttock, level with the fourth sacral foramen, 3 cun out from the median sacral crest.'
		},
		cautions: [SCIATIC_NERVE_DEEP],
		chart: { view: 'back', x: 220, y: 238 }
	},
	{
		code: 'BL57',
		pinyin: 'Chengshan',
		hanzi: '承山',
		japanese: { kanji: '承山', reading: 'しょうざん' },
		meridian: 'BL',
		region: 'lowerLeg',
		location: {
			ja: 'ふくらはぎ。腓腹筋の二つの筋腹が踵骨腱（アキレス腱）に移るところ。',
			en: 'On the back of the lower leg, where the two bellies of the gastrocnemius muscle meet the calcaneal (Achilles) tendon.'
		},
		cautions: [],
		chart: { view: 'back', x: 218, y: 396 }
	},
	{
		code: 'BL60',
		pinyin: 'Kunlun',
		hanzi: '昆仑',
		japanese: { kanji: '崑崙', reading: 'こんろん' },
		meridian: 'BL',
		region: 'ankleFoot',
		location: {
			ja: '足首の外側。外くるぶし（外果）とアキレス腱のあいだのくぼみ。',
			en: 'On the outer side of the ankle, in the hollow between the outer ankle bone (lateral malleolus) and the Achilles tendon.'
		},
		cautions: [AVOIDED_IN_PREGNANCY],
		chart: { view: 'side', x: 203, y: 450 }
	},
	{
		code: 'GB31',
		pinyin: 'Fengshi',
		hanzi: '风市',
		japanese: { kanji: '風市', reading: 'ふうし' },
		meridian: 'GB',
		region: 'thigh',
		location: {
			ja: '太ももの外側、腸脛靱帯のすぐ後ろ。まっすぐ立って腕を下ろしたとき、中指の先が当たるところ。',
			en: 'On the outer side of the thigh, just behind the iliotibial band, where the tip of the middle finger rests when standing with the arms hanging.'
		},
		cautions: [],
		chart: { view: 'side', x: 212, y: 302 }
	},
	{
		code: 'GB34',
		pinyin: 'Yanglingquan',
		hanzi: '阳陵泉',
		japanese: { kanji: '陽陵泉', reading: 'ようりょうせん' },
		meridian: 'GB',
		region: 'lowerLeg',
		location: {
			ja: 'すねの外側。腓骨頭の前下方のくぼみ。',
			en: 'On the outer side of the lower leg, in the hollow in front of and below the head of the fibula.'
		},
		cautions: [{ ja: '近くを総腓骨神経が通ります。', en: 'The common fibular nerve runs close by.' }],
		chart: { view: 'side', x: 214, y: 361 }
	},
	{
		code: 'GB39',
		pinyin: 'Xuanzhong',
		hanzi: '悬钟',
		japanese: { kanji: '懸鐘', reading: 'けんしょう' },
		meridian: 'GB',
		region: 'lowerLeg',
		location: {
			ja: 'すねの外側。外くるぶし（外果）から上へ3寸、腓骨の前。',
			en: 'On the outer side of the lower leg, 3 cun above the outer ankle bone (lateral malleolus), in front of the fibula.'
		},
		cautions: [],
		chart: { view: 'side', x: 211, y: 431 }
	},
	{
		code: 'ST36',
		pinyin: 'Zusanli',
		hanzi: '足三里',
		japanese: { kanji: '足三里', reading: 'あしさんり' },
		meridian: 'ST',
		region: 'lowerLeg',
		location: {
			ja: 'すねの前面。ST35 犢鼻（とくび：膝蓋骨の下、外側のくぼみ）から下へ3寸、脛骨の前縁から外側へ指1本分。',
			en: 'On the front of the lower leg, 3 cun below ST35 Dubi (犢鼻, the outer “knee eye”: the hollow on the outer side below the kneecap), one finger-breadth out from the crest of the shin bone.'
		},
		cautions: [],
		chart: { view: 'front', x: 177, y: 365 }
	},
	{
		code: 'LI4',
		pinyin: 'Hegu',
		hanzi: '合谷',
		japanese: { kanji: '合谷', reading: 'ごうこく' },
		meridian: 'LI',
		region: 'hand',
		location: {
			ja: '手の甲。第2中手骨（人差し指の付け根の骨）の中ほどの、親指側。',
			en: 'On the back of the hand, beside the middle of the second metacarpal bone (the bone leading to the index finger), on its thumb side.'
		},
		cautions: [AVOIDED_IN_PREGNANCY],
		chart: { view: 'back', x: 124, y: 262 }
	},
	{
		code: 'EX-B2',
		pinyin: 'Jiaji',
		hanzi: '夹脊',
		japanese: { kanji: '夾脊', reading: 'きょうせき' },
		meridian: 'EX',
		region: 'lowerBack',
		location: {
			ja: '背中から腰。第1胸椎から第5腰椎までの各棘突起の下縁から、外側へ0.5寸ずつ並ぶ点。坐骨神経痛では第4〜第5腰椎の高さを使います。',
			en: 'On the back, a row of points 0.5 cun out from the lower border of each spinous process from the first thoracic (T1) to the fifth lumbar vertebra (L5); for sciatica, those at L4–L5 are used.'
		},
		cautions: [{ ja: '背骨に向けて深く刺さないでください。', en: 'Do not needle deeply towards the spine.' }],
		// "No deep needling towards the spine": the record does not say the needle's direction, so a caution to confirm.
		limits: { deepNeedling: 'caution' },
		chart: { view: 'back', x: 196.5, y: 203 }
	},
	{
		code: 'SP6',
		pinyin: 'Sanyinjiao',
		hanzi: '三阴交',
		japanese: { kanji: '三陰交', reading: 'さんいんこう' },
		meridian: 'SP',
		region: 'lowerLeg',
		location: {
			ja: 'すねの内側。内くるぶし（内果）から上へ3寸、脛骨のすぐ後ろ。',
			en: 'On the inner side of the lower leg, 3 cun above the inner ankle bone (medial malleolus), just behind the tibia.'
		},
		cautions: [AVOIDED_IN_PREGNANCY],
		chart: { view: 'front', x: 207, y: 428 }
	},
	{
		code: 'BL67',
		pinyin: 'Zhiyin',
		hanzi: '至阴',
		japanese: { kanji: '至陰', reading: 'しいん' },
		meridian: 'BL',
		region: 'ankleFoot',
		location: {
			ja: '足の小指。爪の外側の角のそば。',
			en: 'On the little toe, beside the outer corner of the nail.'
		},
		cautions: [AVOIDED_IN_PREGNANCY],
		chart: { view: 'side', x: 248, y: 467 }
	},
	{
		code: 'GB21',
		pinyin: 'Jianjing',
		hanzi: '肩井',
		japanese: { kanji: '肩井', reading: 'けんせい' },
		meridian: 'GB',
		region: 'shoulder',
		location: {
			ja: '肩の上。第7頸椎の棘突起と肩峰（肩の先端）を結ぶ線の中点。',
			en: 'On the top of the shoulder, midway between the spinous process of the seventh cervical vertebra (C7) and the acromion (the outer tip of the shoulder).'
		},
		cautions: [
			{
				ja: '下に肺の先端（肺尖）があります。浅く刺すだけにしてください。',
				en: 'The apex of the lung lies beneath: shallow needling only.'
			},
			{ ja: '妊娠中は使いません。', en: 'Avoided during pregnancy.' }
		],
		limits: { deepNeedling: 'contraindication' },
		chart: { view: 'back', x: 174, y: 92 }
	}
];

function deepFreeze<T>(value: T): T {
	if (value && typeof value === 'object' && !Object.isFrozen(value)) {
		Object.freeze(value);
		for (const inner of Object.values(value)) deepFreeze(inner);
	}
	return value;
}

export const ACUPOINTS: readonly Acupoint[] = deepFreeze(POINTS);

const BY_CODE = new Map(ACUPOINTS.map((point) => [point.code.toUpperCase(), point]));

/** `bl40`, `BL40` and ` Bl40 ` all find BL40; anything else is null. */
export function findAcupoint(code: string): Acupoint | null {
	return BY_CODE.get(code.trim().toUpperCase()) ?? null;
}

export interface AcupointFilter {
	region?: BodyRegion | null;
	meridian?: MeridianCode | null;
}

/** In the order of docs/clinical-rules.md §2; an empty filter lists all. */
export function listAcupoints(filter: AcupointFilter = {}): readonly Acupoint[] {
	return ACUPOINTS.filter((point) => (!filter.region || point.region === filter.region) && (!filter.meridian || point.meridian === filter.meridian));
}

export function isBodyRegion(value: unknown): value is BodyRegion {
	return (BODY_REGIONS as readonly unknown[]).includes(value);
}

export function isMeridianCode(value: unknown): value is MeridianCode {
	return (MERIDIAN_CODES as readonly unknown[]).includes(value);
}

/** The shape of `GET /api/v1/acupoints` (docs/contracts.md). */
export interface AcupointResource {
	code: string;
	pinyin: string;
	hanzi: string;
	japanese: { kanji: string; reading: string };
	meridian: string;
	location: { ja: string; en: string };
	cautions: Array<{ ja: string; en: string }>;
	chart: { view: ChartView; x: number; y: number };
}

export function toAcupointResource(point: Acupoint): AcupointResource {
	return {
		code: point.code,
		pinyin: point.pinyin,
		hanzi: point.hanzi,
		japanese: { kanji: point.japanese.kanji, reading: point.japanese.reading },
		meridian: MERIDIAN_NAMES[point.meridian].en,
		location: { ja: point.location.ja, en: point.location.en },
		cautions: point.cautions.map((caution) => ({ ja: caution.ja, en: caution.en })),
		chart: { view: point.chart.view, x: point.chart.x, y: point.chart.y }
	};
}
