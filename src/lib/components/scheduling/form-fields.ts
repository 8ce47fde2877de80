/* Field names shared by the scheduling settings forms and the schemas that read them. */

/** One time field of a week form: `hours-1-0-start` is Monday's first start. */
export function hoursFieldName(weekday: number, index: number, part: 'start' | 'end'): string {
	return `hours-${weekday}-${index}-${part}`;
}

/** Each offered service is a checkbox of its own: the form reader keeps one value per name. */
export function serviceFieldName(serviceId: string): string {
	return `service-${serviceId}`;
}

/** A Japanese clinic lists its week from Monday. */
export const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;

/** Each language of a practitioner's profile is a checkbox of its own: `language-ja`. */
export function languageFieldName<C extends string>(code: C): `language-${C}` {
	return `language-${code}`;
}

/** The longest service description or practitioner bio, in each language (issue #22). */
export const PROFILE_TEXT_MAX = 400;
