import { json } from '@sveltejs/kit';
import { listAcupoints, toAcupointResource } from '$lib/domain/acupoints/points';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = () => json(listAcupoints().map(toAcupointResource));
