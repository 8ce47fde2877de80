/*
 * The day grid as a table: one row every 15 minutes, one column per practitioner or bed, each
 * appointment one cell spanning its rows. A table (rather than positioned boxes) needs no inline
 * styles, which the content security policy forbids, and reads well with a screen reader.
 */

export interface GridItem {
	id: string;
	/** The column key (practitioner or bed id); items in no listed column are left out. */
	column: string;
	start: number;
	end: number;
}

export type GridCell<T> = { column: string; item: T; rowspan: number } | { column: string; item: null; rowspan: 1 };

export interface GridRow<T> {
	start: number;
	/** Whether the clinic is open during this row (rows in a lunch break are shaded). */
	open: boolean;
	/** Cells in column order; a column covered by a cell from a row above has none. */
	cells: Array<GridCell<T>>;
}

export interface GridOptions<T extends GridItem> {
	columns: readonly string[];
	items: readonly T[];
	/** Opening periods of the day as instants; the grid spans them and any item outside them. */
	open: ReadonlyArray<{ start: number; end: number }>;
	rowMinutes?: number;
}

export function layoutDayGrid<T extends GridItem>({ columns, items, open, rowMinutes = 15 }: GridOptions<T>): Array<GridRow<T>> {
	const rowMs = rowMinutes * 60_000;
	const shown = items.filter((i) => columns.includes(i.column) && i.end > i.start);
	const bounds = [...open, ...shown];
	if (bounds.length === 0) return [];
	// Row boundaries sit on the quarter hours of the clock (Tokyo has whole-hour offsets).
	const first = Math.floor(Math.min(...bounds.map((b) => b.start)) / rowMs) * rowMs;
	const last = Math.ceil(Math.max(...bounds.map((b) => b.end)) / rowMs) * rowMs;
	const rowCount = (last - first) / rowMs;

	// Per column, each item gets [fromRow, toRow); an item that would share a row with the one
	// before (5-minute starts) begins one row later, so cells never collide.
	const placed = new Map<string, Map<number, { item: T; rowspan: number }>>();
	for (const column of columns) {
		const starts = new Map<number, { item: T; rowspan: number }>();
		let nextFree = 0;
		for (const item of shown.filter((i) => i.column === column).sort((a, b) => a.start - b.start || a.end - b.end)) {
			const from = Math.max(Math.floor((item.start - first) / rowMs), nextFree);
			if (from >= rowCount) continue;
			const to = Math.min(Math.max(Math.ceil((item.end - first) / rowMs), from + 1), rowCount);
			starts.set(from, { item, rowspan: to - from });
			nextFree = to;
		}
		placed.set(column, starts);
	}

	const covered = new Map(columns.map((c) => [c, 0]));
	return Array.from({ length: rowCount }, (_, row) => {
		const start = first + row * rowMs;
		const cells: Array<GridCell<T>> = [];
		for (const column of columns) {
			const here = placed.get(column)!.get(row);
			if (here) {
				cells.push({ column, ...here });
				covered.set(column, row + here.rowspan);
			} else if (covered.get(column)! <= row) {
				cells.push({ column, item: null, rowspan: 1 });
			}
		}
		return { start, open: open.some((o) => o.start <= start && start < o.end), cells };
	});
}
