/*
 * Aftercare advice the practitioner can pick instead of typing it each time (issue #7): what to
 * expect after needling, and gentle home exercises for sciatica. Pure data and one pure function.
 * The exercises are deliberately conservative: each says when to stop.
 */

export interface LocalizedText {
	readonly ja: string;
	readonly en: string;
}

export type AftercareKind = 'advice' | 'exercise';

export interface AftercareTemplate {
	readonly id: string;
	readonly kind: AftercareKind;
	readonly title: LocalizedText;
	readonly text: LocalizedText;
}

export const AFTERCARE_TEMPLATES: readonly AftercareTemplate[] = [
	{
		id: 'soreness',
		kind: 'advice',
		title: { ja: 'だるさ・痛み', en: 'Soreness' },
		text: {
			ja: '施術のあと、刺したところが少し痛んだり、体がだるく感じたりすることがあります。多くは1〜2日で治まります。',
			en: 'The places that were needled may feel a little sore, and you may feel tired, after treatment. This usually settles within a day or two.'
		}
	},
	{
		id: 'bruising',
		kind: 'advice',
		title: { ja: '内出血', en: 'Bruising' },
		text: {
			ja: '小さな内出血（あざ）ができることがあります。押したりもんだりせず、そのままにしておけば1〜2週間で消えます。',
			en: 'A small bruise may appear. Leave it alone rather than pressing or rubbing it; it fades within one or two weeks.'
		}
	},
	{
		id: 'rest',
		kind: 'advice',
		title: { ja: '当日の過ごし方', en: 'The rest of the day' },
		text: {
			ja: '当日は激しい運動や長時間の入浴、飲酒を控え、ゆっくり過ごしてください。シャワーは差し支えありません。',
			en: 'For the rest of the day, avoid hard exercise, long hot baths and alcohol, and take it easy. A shower is fine.'
		}
	},
	{
		id: 'hydration',
		kind: 'advice',
		title: { ja: '水分', en: 'Drinking' },
		text: {
			ja: '施術のあとは、いつもより少し多めに水やお茶を飲んでください。',
			en: 'Drink a little more water or tea than usual after treatment.'
		}
	},
	{
		id: 'whenToCall',
		kind: 'advice',
		title: { ja: '連絡してほしいとき', en: 'When to call us' },
		text: {
			ja: '痛みやしびれが強くなる、広がる、足に力が入りにくい、内出血が大きくなるときはご連絡ください。尿や便が出にくい・もれる、股のまわりがしびれるときは、すぐに救急（119番）を受診してください。',
			en: 'Call us if the pain or numbness gets worse or spreads, your leg feels weak, or a bruise keeps growing. If you have trouble passing urine or stools, lose control of them, or feel numb around the groin, get emergency care at once (call 119).'
		}
	},
	{
		id: 'walking',
		kind: 'exercise',
		title: { ja: '散歩', en: 'Walking' },
		text: {
			ja: '痛みの出ない範囲で、1日に数回、10分ほど平らな道を歩きましょう。長く座り続けるのは避け、30〜60分ごとに立ち上がってください。',
			en: 'Walk on level ground for about 10 minutes a few times a day, as far as it stays comfortable. Avoid sitting for long: stand up every 30 to 60 minutes.'
		}
	},
	{
		id: 'kneeToChest',
		kind: 'exercise',
		title: { ja: '膝抱えストレッチ', en: 'Knee to chest' },
		text: {
			ja: '仰向けに寝て、片方の膝を両手で胸のほうへゆっくり引き寄せ、20秒保ちます。左右それぞれ3回。足への痛みやしびれが強くなるときはやめてください。',
			en: 'Lie on your back and slowly draw one knee towards your chest with both hands; hold for 20 seconds. Three times on each side. Stop if pain or numbness down the leg gets worse.'
		}
	},
	{
		id: 'nerveGlide',
		kind: 'exercise',
		title: { ja: '坐骨神経のすべり運動', en: 'Sciatic nerve glide' },
		text: {
			ja: '椅子に浅く腰かけて背すじを伸ばし、痛む側の膝をゆっくり伸ばしながら顔を上げ、膝を曲げながら顔を下げます。10回をゆっくりと。引っ張られる感じが強いときは小さな動きにし、しびれが残るときはやめてください。',
			en: 'Sit upright near the front of a chair. Slowly straighten the knee of the painful leg while looking up, then bend it while looking down. Ten times, slowly. Keep the movement small if it pulls strongly, and stop if numbness lingers.'
		}
	}
] as const;

export function findAftercareTemplate(id: string): AftercareTemplate | undefined {
	return AFTERCARE_TEMPLATES.find((t) => t.id === id);
}

/**
 * The note the patient reads: the chosen templates in the list's order (advice first, then
 * exercises), each under its title, then the practitioner's own words. Unknown ids are ignored.
 */
export function composeAftercare(templateIds: readonly string[], ownWords: string, locale: 'ja' | 'en'): string {
	const chosen = new Set(templateIds);
	const parts = AFTERCARE_TEMPLATES.filter((t) => chosen.has(t.id)).map((t) => `■ ${t.title[locale]}\n${t.text[locale]}`);
	const own = ownWords.trim();
	if (own !== '') parts.push(own);
	return parts.join('\n\n');
}
