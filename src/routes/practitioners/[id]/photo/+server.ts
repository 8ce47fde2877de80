import { readPractitionerPhoto } from '$lib/server/scheduling-settings/practitioner-photo';
import type { RequestHandler } from './$types';

const notFound = () => new Response('Not found\n', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });

/**
 * `GET /practitioners/{id}/photo?v=…`: a practitioner's photo for the booking pages (issue #22).
 * The address carries the photo's version, so the answer may be cached for a long time; an
 * address with an old version gets the current photo, cached only briefly.
 */
export const GET: RequestHandler = async ({ params, url, locals, request }) => {
	const photo = await readPractitionerPhoto(locals.db, params.id);
	if (!photo) return notFound();
	const etag = `"${photo.version}"`;
	const current = url.searchParams.get('v') === photo.version;
	const headers = {
		'content-type': photo.type,
		etag,
		'cache-control': current ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
		'x-content-type-options': 'nosniff',
		'content-disposition': 'inline'
	};
	if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
	return new Response(photo.bytes, { headers: { ...headers, 'content-length': String(photo.bytes.length) } });
};
