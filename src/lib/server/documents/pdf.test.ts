import { describe, expect, it } from 'vitest';
import { renderPdf } from './pdf';

describe('renderPdf', () => {
	it('writes an A4 PDF with the Japanese font embedded as a subset, and a page count', async () => {
		const pdf = await renderPdf({
			title: '施術のまとめ',
			author: '富士ウェルネス鍼灸院',
			lang: 'ja',
			blocks: [
				{ kind: 'title', text: '施術のまとめ' },
				{
					kind: 'fields',
					rows: [
						['氏名', '佐藤 健'],
						['来院回数', '4回']
					]
				},
				{ kind: 'heading', text: '経過' },
				{
					kind: 'table',
					header: ['日付', '脚の痛み'],
					rows: [
						['2026-11-04', '7'],
						['2026-11-25', '3']
					]
				},
				{ kind: 'paragraph', text: '坐骨神経痛の症状は改善しています。'.repeat(40) }
			]
		});
		const text = pdf.toString('latin1');
		expect(text.startsWith('%PDF-')).toBe(true);
		expect(text).toContain('/MediaBox [0 0 595.28 841.89]');
		// The font is embedded (a subset: its name gets a six-letter tag) rather than referenced.
		expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansJP/);
		expect(text).toContain('/FontFile2');
		expect(pdf.length).toBeLessThan(400_000);
		// One page of content is one page: the footer must not spill onto a page of its own.
		expect(text.match(/\/Type \/Page\b/g)).toHaveLength(1);
	});

	it('breaks a long table over pages', async () => {
		const rows = Array.from({ length: 120 }, (_, i) => [`${i + 1}`, '鍼 6本']);
		const pdf = await renderPdf({ title: 'x', author: 'y', lang: 'ja', blocks: [{ kind: 'table', header: ['#', '内容'], rows }] });
		const pages = pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? [];
		expect(pages.length).toBeGreaterThan(1);
	});
});
