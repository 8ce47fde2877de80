import { json } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { jsonOnce } from './json-once';

describe('jsonOnce', () => {
	it('answers as json() does, and builds the body once per source', async () => {
		const source = [{ start: '2027-01-04T10:00:00+09:00', name: '鍼灸' }];
		let built = 0;
		const data = () => (built++, { slots: source });
		const init = { headers: { 'cache-control': 'no-store' } };
		const first = jsonOnce(source, data, init);
		const again = jsonOnce(source, data, init);
		const expected = json({ slots: source }, init);
		expect(built).toBe(1);
		for (const response of [first, again]) {
			expect([...response.headers]).toEqual([...expected.headers]);
			expect(await response.text()).toBe(await expected.clone().text());
		}
		jsonOnce([], () => (built++, []));
		expect(built).toBe(2);
	});
});
