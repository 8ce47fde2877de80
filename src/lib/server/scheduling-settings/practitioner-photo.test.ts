import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { seedSchedule, type SeededSchedule } from '../schedule/test-schedule';
import { listPractitionersFor } from '../booking/booking-flow';
import { readPractitionerPhoto, removePractitionerPhoto, setPractitionerPhoto } from './practitioner-photo';

/** A 1×1 PNG. */
const PNG = new Uint8Array(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'));

describeEachDatabase('a practitioner photo', (db) => {
	let s: SeededSchedule;
	const audits = (id: string) =>
		db().kysely.selectFrom('audit_log').select('action').where('entity_id', '=', id).where('action', 'like', 'scheduling.practitioner_photo%').execute();

	beforeAll(async () => {
		s = await seedSchedule(db());
	});

	it('keeps a PNG with the type its bytes show, serves it, shows it where patients choose, and audits it', async () => {
		const result = await setPractitionerPhoto(db(), s.sato, PNG, s.actor);
		if (!result.ok) throw new Error(result.code);
		const photo = await readPractitionerPhoto(db(), s.sato);
		expect(photo).toMatchObject({ type: 'image/png', version: result.version });
		expect(Buffer.from(photo!.bytes).equals(Buffer.from(PNG))).toBe(true);
		const listed = (await listPractitionersFor(db(), s.follow)).find((p) => p.id === s.sato);
		expect(listed?.photo).toBe(`/practitioners/${s.sato}/photo?v=${result.version}`);
		expect(await audits(s.sato)).toEqual([{ action: 'scheduling.practitioner_photo_set' }]);
	});

	it('refuses a file that is not a JPEG, PNG or WebP, whatever its name, and writes nothing', async () => {
		const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
		expect(await setPractitionerPhoto(db(), s.fujita, svg, s.actor)).toEqual({ ok: false, code: 'invalid', problem: 'not_an_image' });
		expect(await setPractitionerPhoto(db(), s.fujita, new Uint8Array(), s.actor)).toEqual({ ok: false, code: 'invalid', problem: 'empty' });
		expect(await readPractitionerPhoto(db(), s.fujita)).toBeNull();
		expect(await audits(s.fujita)).toEqual([]);
		expect(await setPractitionerPhoto(db(), crypto.randomUUID(), PNG, s.actor)).toEqual({ ok: false, code: 'not_found' });
	});

	it('removes the photo, and the address answers nothing after', async () => {
		expect(await removePractitionerPhoto(db(), s.sato, s.actor)).toEqual({ ok: true });
		expect(await readPractitionerPhoto(db(), s.sato)).toBeNull();
		expect((await listPractitionersFor(db(), s.follow)).find((p) => p.id === s.sato)?.photo).toBeNull();
	});
});
