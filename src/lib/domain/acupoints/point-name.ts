import type { Locale } from '../../i18n/locales';
import type { Acupoint } from './points';

/*
 * A point's name and what a body chart needs of it, apart from the atlas (points.ts): a page that
 * draws a chart of points it was given, such as the session record, ships no atlas (issue #21).
 */

/** What a body chart needs of a point: its code, its names and where it is drawn. */
export type ChartedPoint = Pick<Acupoint, 'code' | 'pinyin' | 'japanese' | 'chart'>;

/** The name a reader of this language knows the point by: the Japanese name, or the pinyin. */
export function acupointName(point: Pick<Acupoint, 'japanese' | 'pinyin'>, locale: Locale): string {
	return locale === 'ja' ? point.japanese.kanji : point.pinyin;
}
