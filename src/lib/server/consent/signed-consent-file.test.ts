import { describe, expect, it } from 'vitest';
import type { ConsentDocument, ConsentSignature } from './consent-repository';
import { signedConsentFile } from './signed-consent-file';

const document: ConsentDocument = {
	id: 'd1',
	kind: 'treatment',
	version: 3,
	required: true,
	titleJa: '施術の同意',
	titleEn: 'Treatment consent',
	bodyJa: '一つ目の段落。\n\n<script>alert(1)</script>',
	bodyEn: 'First paragraph.\n\nSecond & last.',
	createdAt: '2026-01-01T00:00:00.000Z',
	createdBy: null
};
const signature: ConsentSignature = {
	id: 's1',
	documentId: 'd1',
	kind: 'treatment',
	version: 3,
	agreed: true,
	signedName: '山田 "花子"',
	// 08:30 on 2 March in Tokyo, still 1 March in UTC.
	signedAt: '2026-03-01T23:30:00.000Z',
	ip: '192.0.2.1',
	userAgent: 'Phone',
	recordedByStaffId: null,
	recordedByName: null,
	channel: 'portal'
};

describe('signedConsentFile', () => {
	const file = signedConsentFile({ locale: 'ja', timeZone: 'Asia/Tokyo', clinicName: '富士鍼灸院', patientName: '山田 花子', document, signature });

	it('names the file by kind, version and the clinic’s date of signing', () => {
		expect(file.filename).toBe('consent-treatment-v3-20260302.html');
	});

	it('holds both languages, the other one marked with its lang, and escapes everything', () => {
		expect(file.html).toContain('<html lang="ja">');
		expect(file.html).toContain('<section lang="en">');
		expect(file.html).toContain('<p>Second &amp; last.</p>');
		expect(file.html).toContain('&lt;script&gt;');
		expect(file.html).not.toContain('<script>');
		expect(file.html).toContain('山田 &quot;花子&quot;');
		expect(file.html).toContain('2026年3月2日 8:30:00 (Asia/Tokyo)');
		expect(file.html).toContain('第3版');
	});

	it('carries the same bytes in its data URL', () => {
		const encoded = file.dataUrl.slice(file.dataUrl.indexOf(',') + 1);
		expect(Buffer.from(encoded, 'base64').toString('utf8')).toBe(file.html);
	});
});
