/*
 * A settings page holds several forms. Each posts a hidden `form` field naming its section, and
 * the answer is shown in that section only: `{ done, notice, warning? }` on success, the shared
 * form failure (`values`, `errors`, `message`) otherwise.
 */

export interface SectionSuccess {
	done: string;
	notice: string;
	warning?: string;
}

export interface SectionFailure {
	values: Record<string, string>;
	errors: Record<string, string>;
	message?: string;
}

export function successOf(form: unknown, section: string): SectionSuccess | null {
	const answer = form as Partial<SectionSuccess> | null | undefined;
	return answer && answer.done === section && typeof answer.notice === 'string' ? (answer as SectionSuccess) : null;
}

export function failureOf(form: unknown, section: string): SectionFailure | null {
	const answer = form as Partial<SectionFailure> | null | undefined;
	if (!answer || !answer.errors || answer.values?.form !== section) return null;
	return { values: answer.values, errors: answer.errors, message: answer.message };
}
