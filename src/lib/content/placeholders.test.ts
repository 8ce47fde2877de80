import { describe, expect, it } from 'vitest';
import { findArticle } from './articles';
import { fillArticle, fillHtml, fillText } from './placeholders';

describe('filling an article with the clinic’s own facts', () => {
	it('fills every placeholder and escapes what the clinic typed', () => {
		expect(fillHtml('<p>{{clinic}}（以下「当院」）は{{clinic}}です</p>', { clinic: 'A&B <鍼灸院>' })).toBe(
			'<p>A&amp;B &lt;鍼灸院&gt;（以下「当院」）はA&amp;B &lt;鍼灸院&gt;です</p>'
		);
		expect(fillText('{{clinic}}のプライバシーポリシー', { clinic: 'A&B' })).toBe('A&Bのプライバシーポリシー');
	});

	it('drops a list item whose only placeholders are empty, and keeps the others', () => {
		const html = '<ul>\n<li>名称：{{name}}</li>\n<li>代表者：{{representative}}</li>\n<li>住所：{{address}}</li>\n</ul>';
		expect(fillHtml(html, { name: '藤田 誠', representative: '', address: '東京都' })).toBe('<ul>\n<li>名称：藤田 誠</li>\n<li>住所：東京都</li>\n</ul>');
	});

	it('refuses a placeholder it has no value for, rather than show braces', () => {
		expect(() => fillHtml('<p>{{unknown}}</p>', {})).toThrow(/unknown/);
	});

	it('finds every placeholder of both privacy pages among the values the server gives', () => {
		const values = { clinicName: 'X', operatorName: 'X', operatorAddress: 'X', representative: '', staffSignIn: 'X', patientSignIn: 'X' };
		for (const locale of ['ja', 'en'] as const) {
			const filled = fillArticle(findArticle(locale, 'privacy')!, values);
			expect(JSON.stringify(filled)).not.toMatch(/\{\{|\}\}/);
			expect(filled.html).not.toMatch(/フジウェルネス|Fuji Wellness/);
		}
	});
});
