import { describe, expect, it } from 'vitest';
import { checkPhoto, MAX_PHOTO_BYTES, photoTypeOf } from './photo-file';

const bytes = (...values: number[]) => new Uint8Array([...values, 0, 0, 0, 0, 0, 0, 0, 0]);
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const WEBP = [0x52, 0x49, 0x46, 0x46, 0x10, 0, 0, 0, 0x57, 0x45, 0x42, 0x50];

describe('photoTypeOf', () => {
	it('reads JPEG, PNG and WebP from their first bytes', () => {
		expect(photoTypeOf(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
		expect(photoTypeOf(bytes(...PNG))).toBe('image/png');
		expect(photoTypeOf(bytes(...WEBP))).toBe('image/webp');
	});

	it('refuses anything else, whatever it is called: GIF, SVG, PDF, a RIFF that is not WebP, text', () => {
		expect(photoTypeOf(new TextEncoder().encode('GIF89a......'))).toBeNull();
		expect(photoTypeOf(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
		expect(photoTypeOf(new TextEncoder().encode('%PDF-1.7'))).toBeNull();
		expect(photoTypeOf(bytes(0x52, 0x49, 0x46, 0x46, 0x10, 0, 0, 0, 0x57, 0x41, 0x56, 0x45))).toBeNull();
		expect(photoTypeOf(new Uint8Array([0xff, 0xd8]))).toBeNull();
	});
});

describe('checkPhoto', () => {
	it('takes an image up to the limit and refuses an empty or larger file', () => {
		const atLimit = new Uint8Array(MAX_PHOTO_BYTES);
		atLimit.set([0xff, 0xd8, 0xff]);
		expect(checkPhoto(atLimit)).toEqual({ ok: true, type: 'image/jpeg' });
		const over = new Uint8Array(MAX_PHOTO_BYTES + 1);
		over.set([0xff, 0xd8, 0xff]);
		expect(checkPhoto(over)).toEqual({ ok: false, problem: 'too_large' });
		expect(checkPhoto(new Uint8Array())).toEqual({ ok: false, problem: 'empty' });
		expect(checkPhoto(new TextEncoder().encode('hello'))).toEqual({ ok: false, problem: 'not_an_image' });
	});
});
