import type { Article } from './articles';

/*
 * An article is Markdown rendered at build time, but some of what it says belongs to the clinic
 * running shinkyu (its name, the business operator) or to its settings (who signs in how). Such
 * facts are written in the Markdown as `{{name}}` and filled in when the page is served. A value
 * is plain text and is escaped here; an empty value removes the list item it stands in, so a line
 * such as "代表者：{{representative}}" disappears for a clinic run by one person.
 */

export type PlaceholderValues = Record<string, string>;

const PLACEHOLDER = /\{\{(\w+)\}\}/g;

function escapeHtml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Fills the placeholders of rendered HTML; a placeholder with no value is an error, never shown as braces. */
export function fillHtml(html: string, values: PlaceholderValues): string {
	const withoutEmptyItems = html.replace(/<li>((?:(?!<\/?li>)[\s\S])*?)<\/li>\n?/g, (item, inner: string) => {
		const names = [...inner.matchAll(PLACEHOLDER)].map((m) => m[1]!);
		return names.length > 0 && names.every((name) => values[name] === '') ? '' : item;
	});
	return withoutEmptyItems.replace(PLACEHOLDER, (_, name: string) => escapeHtml(valueOf(values, name)));
}

/** Fills the placeholders of plain text (a title or a description, which the page escapes itself). */
export function fillText(text: string, values: PlaceholderValues): string {
	return text.replace(PLACEHOLDER, (_, name: string) => valueOf(values, name));
}

export function fillArticle(article: Article, values: PlaceholderValues): Article {
	return { title: fillText(article.title, values), description: fillText(article.description, values), html: fillHtml(article.html, values) };
}

function valueOf(values: PlaceholderValues, name: string): string {
	const value = values[name];
	if (value === undefined) throw new Error(`no value for the placeholder {{${name}}}`);
	return value;
}
