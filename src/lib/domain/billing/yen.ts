/** Money is whole yen in safe integers; never floating point. One charge stays far below this. */
export const MAX_YEN = 100_000_000;

export function isYen(value: unknown): value is number {
	return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= MAX_YEN;
}

export class NotYenError extends RangeError {
	constructor(
		readonly what: string,
		readonly value: unknown
	) {
		super(`${what} must be whole yen between 0 and ${MAX_YEN}, got ${String(value)}`);
		this.name = 'NotYenError';
	}
}

/** Throws for a fraction, a negative or an absurd amount: such a value is a bug, not input. */
export function assertYen(value: unknown, what: string): number {
	if (!isYen(value)) throw new NotYenError(what, value);
	return value;
}
