import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogueKeys, keyPrefixesIn } from '../../../vite-plugin-page-messages';

const root = path.resolve(__dirname, '../../..');
/** A line that names a mail's kind in the outbox: `kind: \`booking.${kind}\`` (or inside `mailFallback: {`). */
const MAIL_KIND = /(^\s*|[{,]\s*)kind: `[a-z]+\.\$\{kind\}`/;

function sources(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return full.endsWith(path.join('i18n', 'messages')) ? [] : sources(full);
		return /\.(ts|svelte)$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [full] : [];
	});
}

describe('message keys built from data (issue #21)', () => {
	it('are none: a label comes from a typed label map, so the page ships only the keys it shows', () => {
		const { keys } = catalogueKeys(root);
		const built = sources(path.join(root, 'src')).flatMap((file) =>
			fs
				.readFileSync(file, 'utf8')
				.split('\n')
				// A mail's kind (`kind: \`booking.${kind}\``) is a name in the outbox that shares a prefix
				// with keys; it is never translated. Every other line counts, on the server as on pages.
				.filter((line) => !MAIL_KIND.test(line))
				.flatMap((line) => keyPrefixesIn(line))
				.filter((prefix) => [...keys].some((key) => key.startsWith(prefix)))
				.map((prefix) => `${path.relative(root, file)}: ${prefix}`)
		);
		expect(built).toEqual([]);
	});

	it('are told apart from a mail kind, which names an outbox entry and is never translated', () => {
		expect(MAIL_KIND.test('\t\tkind: `booking.${kind}`,')).toBe(true);
		expect(MAIL_KIND.test('mailFallback: { kind: `mail.${kind}`, payload },')).toBe(true);
		expect(MAIL_KIND.test('subject: t(`booking.${kind}.subject`),')).toBe(false);
		expect(MAIL_KIND.test('const label = `booking.${kind}`;')).toBe(false);
	});

	it('are found when a module builds one', () => {
		expect(keyPrefixesIn("t(`schedule.status.${status}`); t('reports.column.' + c); t('schedule.title')")).toEqual(['schedule.status.', 'reports.column.']);
	});
});
