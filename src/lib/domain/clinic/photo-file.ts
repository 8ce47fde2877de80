/*
 * Which uploaded files may be a practitioner's photo (issue #22): a JPEG, PNG or WebP image, told
 * by its first bytes (never by the name or the type the browser claims), no larger than the limit.
 * The server keeps the bytes as given and serves them with the type read here.
 */

export type PhotoType = 'image/jpeg' | 'image/png' | 'image/webp';

/** Under the server's request body limit (512 KB with its multipart overhead). */
export const MAX_PHOTO_BYTES = 400 * 1024;

export type PhotoProblem = 'empty' | 'too_large' | 'not_an_image';

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) => signature.every((b, i) => bytes[offset + i] === b);

/** The image type the bytes are, or null. */
export function photoTypeOf(bytes: Uint8Array): PhotoType | null {
	if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
	if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
	// "RIFF", four bytes of length, "WEBP".
	if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
	return null;
}

export function checkPhoto(bytes: Uint8Array): { ok: true; type: PhotoType } | { ok: false; problem: PhotoProblem } {
	if (bytes.length === 0) return { ok: false, problem: 'empty' };
	if (bytes.length > MAX_PHOTO_BYTES) return { ok: false, problem: 'too_large' };
	const type = photoTypeOf(bytes);
	return type ? { ok: true, type } : { ok: false, problem: 'not_an_image' };
}
