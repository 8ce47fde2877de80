import type { Db } from '../db/database';

/*
 * The demo clinic's service descriptions and practitioner profiles (issue #22), as the patient
 * reads them where they choose. Plain words about what happens, never a promise of an outcome.
 */

const SERVICE_DESCRIPTIONS: Record<string, { ja: string; en: string }> = {
	FIRST: {
		ja: '初めての方向け。問診と検査のあと、鍼・灸を行います。',
		en: 'For first visits: an interview and examination, then acupuncture or moxibustion.'
	},
	FOLLOW: {
		ja: '2回目以降の方向け。前回からの様子をうかがってから鍼を行います。',
		en: 'For returning patients: we ask how you have been since last time, then give acupuncture.'
	},
	EA: {
		ja: '刺した鍼に弱い電気を流す施術です。通電中はベッドで横になってお過ごしいただきます。',
		en: 'A weak electric current is passed through the needles while you lie on the bed.'
	},
	MOXA: {
		ja: '鍼の施術に追加するお灸です。',
		en: 'Moxibustion added to an acupuncture visit.'
	}
};

const PRACTITIONER_PROFILES: Record<string, { ja: string; en: string; languages: string }> = {
	Fujita: {
		ja: '院長。はり師・きゅう師。施術の前に、その日の内容をご説明します。',
		en: 'Clinic owner, licensed in acupuncture and moxibustion. Explains each step before treatment.',
		languages: 'ja,en'
	},
	Sato: {
		ja: 'はり師・きゅう師。初めての方にも、ゆっくりお話をうかがいます。',
		en: 'Licensed in acupuncture and moxibustion. Takes time to listen, especially on first visits.',
		languages: 'ja'
	},
	Takahashi: {
		ja: 'はり師。低周波鍼通電療法を担当しています。',
		en: 'Licensed acupuncturist. Gives electroacupuncture sessions.',
		languages: 'ja,en,zh'
	}
};

export async function seedDemoProfiles(db: Db): Promise<void> {
	for (const [code, text] of Object.entries(SERVICE_DESCRIPTIONS)) {
		await db.kysely.updateTable('service').set({ description_ja: text.ja, description_en: text.en }).where('code', '=', code).execute();
	}
	for (const [familyName, profile] of Object.entries(PRACTITIONER_PROFILES)) {
		await db.kysely
			.updateTable('practitioner')
			.set({ bio_ja: profile.ja, bio_en: profile.en, languages: profile.languages })
			.where('family_name_en', '=', familyName)
			.execute();
	}
}
