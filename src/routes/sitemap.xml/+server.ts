import { localizePath } from '$lib/i18n/locales';
import { publicPagePaths } from '$lib/server/http/public-pages';
import type { RequestHandler } from './$types';

const escapeXml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** Both languages of every public page, each listing its alternate (hreflang) versions. */
export const GET: RequestHandler = ({ url }) => {
	const entries = publicPagePaths().flatMap((path) => {
		const ja = escapeXml(new URL(localizePath(path, 'ja'), url.origin).toString());
		const en = escapeXml(new URL(localizePath(path, 'en'), url.origin).toString());
		const alternates = `<xhtml:link rel="alternate" hreflang="ja" href="${ja}"/><xhtml:link rel="alternate" hreflang="en" href="${en}"/>`;
		return [ja, en].map((loc) => `<url><loc>${loc}</loc>${alternates}</url>`);
	});
	const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${entries.join('\n')}\n</urlset>\n`;
	return new Response(xml, { headers: { 'content-type': 'application/xml; charset=utf-8', 'cache-control': 'public, max-age=3600' } });
};
