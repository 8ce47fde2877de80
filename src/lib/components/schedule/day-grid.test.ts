import { describe, expect, it } from 'vitest';
import { layoutDayGrid } from './day-grid';

const at = (hhmm: string) => Date.parse(`2026-11-30T${hhmm}:00+09:00`);
const open = [
	{ start: at('09:00'), end: at('12:30') },
	{ start: at('14:30'), end: at('19:30') }
];

describe('layoutDayGrid', () => {
	it('spans the opening hours in 15-minute rows and shades the lunch break', () => {
		const rows = layoutDayGrid({ columns: ['a'], items: [], open });
		expect(rows).toHaveLength(42);
		expect(rows[0]!.start).toBe(at('09:00'));
		expect(rows.at(-1)!.start).toBe(at('19:15'));
		expect(rows.find((r) => r.start === at('13:00'))!.open).toBe(false);
		expect(rows.find((r) => r.start === at('14:30'))!.open).toBe(true);
	});

	it('gives an appointment one cell spanning its rows and leaves the covered rows without a cell', () => {
		const rows = layoutDayGrid({ columns: ['a', 'b'], items: [{ id: 'x', column: 'b', start: at('09:15'), end: at('10:00') }], open });
		expect(rows[1]!.cells).toEqual([
			{ column: 'a', item: null, rowspan: 1 },
			{ column: 'b', item: expect.objectContaining({ id: 'x' }), rowspan: 3 }
		]);
		expect(rows[2]!.cells.map((c) => c.column)).toEqual(['a']);
		expect(rows[4]!.cells.map((c) => c.column)).toEqual(['a', 'b']);
	});

	it('never lets two cells of one column collide when times fall between rows', () => {
		const items = [
			{ id: 'first', column: 'a', start: at('09:00'), end: at('09:50') },
			{ id: 'second', column: 'a', start: at('09:50'), end: at('10:20') }
		];
		const rows = layoutDayGrid({ columns: ['a'], items, open });
		const spans = rows.flatMap((r, index) => r.cells.filter((c) => c.item).map((c) => [c.item!.id, index, c.rowspan]));
		expect(spans).toEqual([
			['first', 0, 4],
			['second', 4, 2]
		]);
		// Every row accounts for the column exactly once: its own cell, or a span from above.
		let coveredUntil = 0;
		rows.forEach((row, index) => {
			const own = row.cells.length;
			expect(own + (coveredUntil > index ? 1 : 0), `row ${index}`).toBe(1);
			if (row.cells[0]) coveredUntil = index + row.cells[0].rowspan;
		});
	});

	it('grows to show blocked time outside the opening hours, and is empty on a closed day', () => {
		const early = layoutDayGrid({ columns: ['a'], items: [{ id: 'b', column: 'a', start: at('08:00'), end: at('08:30') }], open });
		expect(early[0]!.start).toBe(at('08:00'));
		expect(early[0]!.open).toBe(false);
		expect(layoutDayGrid({ columns: ['a'], items: [], open: [] })).toEqual([]);
	});
});
