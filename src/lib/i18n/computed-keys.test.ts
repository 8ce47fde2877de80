import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogueKeys, keyPrefixesIn } from '../../../vite-plugin-page-messages';

const root = path.resolve(__dirname, '../../..');

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
		const server = path.join(root, 'src/lib/server') + path.sep;
		const built = sources(path.join(root, 'src')).flatMap((file) =>
			fs
				.readFileSync(file, 'utf8')
				.split('\n')
				// On the server a mail's kind (`booking.${kind}`) shares a prefix with keys: there only a
				// line that translates counts. Every module a page imports counts whole.
				.filter((line) => !file.startsWith(server) || /\b(t|translate)\(|MessageKey/.test(line))
				.flatMap((line) => keyPrefixesIn(line))
				.filter((prefix) => [...keys].some((key) => key.startsWith(prefix)))
				.map((prefix) => `${path.relative(root, file)}: ${prefix}`)
		);
		expect(built).toEqual([]);
	});

	it('are found when a module builds one', () => {
		expect(keyPrefixesIn("t(`schedule.status.${status}`); t('reports.column.' + c); t('schedule.title')")).toEqual(['schedule.status.', 'reports.column.']);
	});
});
