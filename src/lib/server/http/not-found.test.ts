import fs from 'node:fs';
import path from 'node:path';
import { isHttpError } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n/translate';
import { notFound, refuseRecord } from './not-found';

function thrown(run: () => never) {
	try {
		run();
	} catch (cause) {
		if (isHttpError(cause)) return { status: cause.status, message: cause.body.message };
		throw cause;
	}
	throw new Error('nothing was thrown');
}

describe('the one not-found of the pages', () => {
	it('is a 404 in the reader’s language', () => {
		expect(thrown(() => notFound('ja'))).toEqual({ status: 404, message: translate('ja', 'error.notFoundTitle') });
		expect(thrown(() => notFound('en'))).toEqual({ status: 404, message: translate('en', 'error.notFoundTitle') });
	});

	it('says what is missing when the page names it', () => {
		expect(thrown(() => notFound('ja', 'series.notFound'))).toEqual({ status: 404, message: translate('ja', 'series.notFound') });
	});

	it('is the only 404 a route throws', () => {
		const routes = path.resolve(__dirname, '../../../routes');
		const files = (fs.readdirSync(routes, { recursive: true }) as string[]).filter((file) => /\.(ts|svelte)$/.test(file));
		expect(files.length).toBeGreaterThan(50);
		const own = files.filter((file) => /\berror\(\s*404\b/.test(fs.readFileSync(path.join(routes, file), 'utf8')));
		expect(own).toEqual([]);
	});

	it('tells a record that is not the reader’s (403) from one that is not there (404)', () => {
		expect(thrown(() => refuseRecord('en', 'forbidden'))).toEqual({ status: 403, message: translate('en', 'error.forbiddenTitle') });
		expect(thrown(() => refuseRecord('en', 'not_found'))).toEqual({ status: 404, message: translate('en', 'error.notFoundTitle') });
	});
});
