import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url }) =>
	new Response(
		['User-agent: *', 'Disallow: /staff', 'Disallow: /en/staff', 'Disallow: /portal', 'Disallow: /api/', `Sitemap: ${url.origin}/sitemap.xml`, ''].join('\n'),
		{ headers: { 'content-type': 'text/plain; charset=utf-8' } }
	);
