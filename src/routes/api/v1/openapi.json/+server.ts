import { json } from '@sveltejs/kit';
import { APP_VERSION } from '$lib/server/app';
import { openApiDocument } from '$lib/server/http/openapi';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url }) => json(openApiDocument(APP_VERSION, url.origin));
