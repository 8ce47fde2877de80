/** Half-open time intervals [start, end) in epoch milliseconds: the arithmetic of scheduling. */
export interface Interval {
	start: number;
	end: number;
}

export function overlaps(a: Interval, b: Interval): boolean {
	return a.start < b.end && b.start < a.end;
}

export function contains(outer: Interval, inner: Interval): boolean {
	return outer.start <= inner.start && inner.end <= outer.end;
}

/** Sorted, non-overlapping, with touching intervals merged. */
export function normalize(intervals: readonly Interval[]): Interval[] {
	const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
	const merged: Interval[] = [];
	for (const interval of sorted) {
		const last = merged[merged.length - 1];
		if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
		else merged.push({ ...interval });
	}
	return merged;
}

/** The parts of `base` not covered by any of `holes`; one linear pass over both sorted lists. */
export function subtract(base: readonly Interval[], holes: readonly Interval[]): Interval[] {
	const cuts = normalize(holes);
	const result: Interval[] = [];
	let first = 0;
	for (const piece of normalize(base)) {
		while (first < cuts.length && cuts[first]!.end <= piece.start) first++;
		let cursor = piece.start;
		for (let c = first; c < cuts.length && cuts[c]!.start < piece.end; c++) {
			const cut = cuts[c]!;
			if (cut.start > cursor) result.push({ start: cursor, end: cut.start });
			cursor = Math.max(cursor, cut.end);
		}
		if (cursor < piece.end) result.push({ start: cursor, end: piece.end });
	}
	return result;
}

/** Whether `interval` meets none of `sortedBusy` (normalized), by binary search. */
export function isFree(sortedBusy: readonly Interval[], interval: Interval): boolean {
	let low = 0;
	let high = sortedBusy.length;
	while (low < high) {
		const mid = (low + high) >> 1;
		if (sortedBusy[mid]!.end <= interval.start) low = mid + 1;
		else high = mid;
	}
	const next = sortedBusy[low];
	return !next || next.start >= interval.end;
}

/** Intervals present in both lists. */
export function intersect(a: readonly Interval[], b: readonly Interval[]): Interval[] {
	const left = normalize(a);
	const right = normalize(b);
	const result: Interval[] = [];
	let i = 0;
	let j = 0;
	while (i < left.length && j < right.length) {
		const start = Math.max(left[i]!.start, right[j]!.start);
		const end = Math.min(left[i]!.end, right[j]!.end);
		if (start < end) result.push({ start, end });
		if (left[i]!.end < right[j]!.end) i++;
		else j++;
	}
	return result;
}

/** An interval that counts `weight` times toward a capacity (1 unless said). */
export interface WeightedInterval extends Interval {
	weight?: number;
}

/**
 * Where at least `capacity` of the intervals overlap, normalized: the times a resource that can
 * hold `capacity` things at once is full. With a capacity of 1 it is `normalize(intervals)`.
 */
export function saturated(intervals: readonly WeightedInterval[], capacity: number): Interval[] {
	if (capacity <= 1) return normalize(intervals);
	const edges: Array<[at: number, change: number]> = [];
	for (const i of intervals) {
		if (i.end <= i.start) continue;
		const weight = i.weight ?? 1;
		edges.push([i.start, weight], [i.end, -weight]);
	}
	// Ends before starts at the same instant: half-open intervals that touch do not overlap.
	edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
	const full: Interval[] = [];
	let count = 0;
	let fullSince: number | null = null;
	for (const [at, change] of edges) {
		count += change;
		if (count >= capacity && fullSince === null) fullSince = at;
		else if (count < capacity && fullSince !== null) {
			if (at > fullSince) full.push({ start: fullSince, end: at });
			fullSince = null;
		}
	}
	return normalize(full);
}
