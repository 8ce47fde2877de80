import type { ChartSeriesKey } from '$lib/domain/outcomes/progress-chart';

/**
 * How each line is told apart: colour, and also marker shape and dash pattern, so the chart reads
 * without colour (WCAG 1.4.1). Colours keep at least 3:1 against white (1.4.11).
 */
export const SERIES_STYLE: Record<ChartSeriesKey, { colour: string; dash: string; shape: 'circle' | 'square' | 'diamond' | 'cross' }> = {
	legPain: { colour: '#b5361c', dash: '', shape: 'circle' },
	backPain: { colour: '#1f5fa8', dash: '6 4', shape: 'square' },
	psfs: { colour: '#2c7a3f', dash: '', shape: 'diamond' },
	sbi: { colour: '#6b3fa0', dash: '2 3', shape: 'cross' }
};

/** A score for people: whole numbers as they are, means to one decimal. */
export function formatScore(value: number | null | undefined): string {
	if (value === null || value === undefined) return '—';
	return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** A change with its sign, e.g. "+2", "−1.3", "0". */
export function formatChange(value: number | null): string {
	if (value === null) return '—';
	const text = formatScore(Math.abs(value));
	return value > 0 ? `+${text}` : value < 0 ? `−${text}` : '0';
}
