import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * The repository owns its documents (issue #21): code, READMEs and the docs cite `docs/…` files by
 * section (`docs/clinical-rules.md §3`, `docs/architecture.md "One owner per table"`), and the docs
 * link each other by heading (`architecture.md#the-clock`). This test fails when a cited file,
 * numbered section or heading does not exist, so a renumbered or renamed section cannot leave
 * stale citations behind.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
const SELF = path.relative(ROOT, import.meta.filename);
const SCANNED_DIRS = ['src', 'tests', 'scripts', 'bench', 'docs', 'content', 'deploy', '.ci'];
const SKIPPED = new Set(['node_modules', 'build', '.svelte-kit', 'data', 'coverage']);
const SOURCE = /\.(ts|js|svelte|md|json|yaml|yml)$|(^|\/)(run|Dockerfile|Caddyfile)$/;

function filesUnder(dir: string): string[] {
	return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
		const relative = path.join(dir, entry.name);
		if (entry.isDirectory()) return SKIPPED.has(entry.name) || entry.name.startsWith('build-') ? [] : filesUnder(relative);
		return entry.isFile() && SOURCE.test(relative) ? [relative] : [];
	});
}

function scannedFiles(): string[] {
	const top = fs.readdirSync(ROOT, { withFileTypes: true }).filter((e) => e.isFile() && SOURCE.test(e.name));
	return [...top.map((e) => e.name), ...SCANNED_DIRS.filter((dir) => fs.existsSync(path.join(ROOT, dir))).flatMap(filesUnder)].filter((file) => file !== SELF);
}

interface Heading {
	text: string;
	slug: string;
	/** The section number of a heading such as `## 3. Safety rules`. */
	number: number | null;
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
function slugOf(text: string): string {
	return text
		.replace(/`/g, '')
		.trim()
		.toLowerCase()
		.replace(/[^\p{L}\p{N}\s_-]/gu, '')
		.replace(/\s/g, '-');
}

/** The headings of a Markdown text, outside code blocks, with GitHub's anchors (a repeated one gets `-1`, `-2` …). */
function headingsOf(markdown: string): Heading[] {
	const headings: Heading[] = [];
	const seen = new Map<string, number>();
	let fence: string | null = null;
	for (const line of markdown.split('\n')) {
		const opening = /^\s*(```|~~~)/.exec(line);
		if (opening) {
			if (fence === null) fence = opening[1]!;
			else if (fence === opening[1]) fence = null;
			continue;
		}
		if (fence !== null) continue;
		const match = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
		if (!match) continue;
		const text = match[1]!;
		const base = slugOf(text);
		const count = seen.get(base) ?? 0;
		seen.set(base, count + 1);
		const number = /^(\d+)\.\s/.exec(text);
		headings.push({ text, slug: count === 0 ? base : `${base}-${count}`, number: number ? Number(number[1]) : null });
	}
	return headings;
}

interface Citation {
	file: string;
	sections: number[];
	headings: string[];
	anchor: string | null;
}

const SECTION = String.raw`§\s?\d+(?:\.\d+)?`;
const CITATION = new RegExp(
	String.raw`(?<![\w/.-])docs/((?:[\w-]+/)*[\w-]+\.md)(#[\w\p{L}-]+)?` +
		String.raw`(?:\)?,?\s*(?:(${SECTION}(?:\s*(?:[–—-]|,|and|or|/|、)\s*${SECTION})*)|"([^"<\n]+)"|“([^”<\n]+)”))?`,
	'gu'
);

/** Every `docs/…` citation in a text, with the sections (§N), quoted headings or anchor it names. */
function citationsIn(text: string): Citation[] {
	return [...text.matchAll(CITATION)].map((m) => ({
		file: `docs/${m[1]}`,
		sections: m[3] ? [...m[3].matchAll(/§\s?(\d+)/g)].map((s) => Number(s[1])) : [],
		headings: [m[4] ?? m[5]].filter((h): h is string => h !== undefined),
		anchor: m[2] ? m[2].slice(1) : null
	}));
}

/** What is wrong with a citation, or null when the file and every part it names exist. */
function problemOf(citation: Citation, read: (file: string) => string | null): string | null {
	const text = read(citation.file);
	if (text === null) return `${citation.file} does not exist`;
	const headings = headingsOf(text);
	const missing = [
		...citation.sections.filter((n) => !headings.some((h) => h.number === n)).map((n) => `§${n}`),
		...citation.headings.filter((quoted) => !headings.some((h) => h.text === quoted || h.text.replace(/^\d+\.\s+/, '') === quoted)).map((q) => `"${q}"`),
		...(citation.anchor && !headings.some((h) => h.slug === citation.anchor) ? [`#${citation.anchor}`] : [])
	];
	return missing.length > 0 ? `${citation.file} has no ${missing.join(', ')}` : null;
}

const readDoc = (file: string) => (fs.existsSync(path.join(ROOT, file)) ? fs.readFileSync(path.join(ROOT, file), 'utf8') : null);

/** Relative Markdown links in a Markdown file: `[text](../src/x.ts)`, `[text](other.md#heading)`, `[text](#heading)`. */
function linksIn(markdown: string): Array<{ target: string; anchor: string | null }> {
	const withoutCode = markdown.replace(/```[\s\S]*?```/g, '');
	return [...withoutCode.matchAll(/\]\(([^)\s]*)\)/g)]
		.map((m) => m[1]!)
		.filter((href) => href !== '' && !/^[a-z]+:/i.test(href))
		.map((href) => {
			const hash = href.indexOf('#');
			return { target: hash === -1 ? href : href.slice(0, hash), anchor: hash === -1 ? null : href.slice(hash + 1) };
		});
}

describe('reading citations', () => {
	const cite = (s: string) => `docs/${s}`;

	it('finds sections, ranges, quoted headings and anchors, and no placeholder', () => {
		const text = [
			`// ${cite('clinical-rules.md §3')} and ${cite('jukyo-claim.md §11–§13')}`,
			`* (${cite('architecture.md')}, "One owner per table")`,
			`[x](${cite('insurance.md')}) §4; ${cite('benchmarks.md#running')}; ${cite('<file>.md')} ${cite('clinical-rules.md §N')}`
		].join('\n');
		expect(citationsIn(text)).toEqual([
			{ file: 'docs/clinical-rules.md', sections: [3], headings: [], anchor: null },
			{ file: 'docs/jukyo-claim.md', sections: [11, 13], headings: [], anchor: null },
			{ file: 'docs/architecture.md', sections: [], headings: ['One owner per table'], anchor: null },
			{ file: 'docs/insurance.md', sections: [4], headings: [], anchor: null },
			{ file: 'docs/benchmarks.md', sections: [], headings: [], anchor: 'running' },
			{ file: 'docs/clinical-rules.md', sections: [], headings: [], anchor: null }
		]);
	});

	it('reads numbered sections and GitHub anchors, and skips headings in code blocks', () => {
		const headings = headingsOf(
			'# Title\n\n## 3. Safety rules\n\n```sh\n# not a heading\n```\n\n### `GET /api/v1/availability`, the month\n## In shinkyu\n## In shinkyu\n'
		);
		expect(headings.map((h) => [h.number, h.slug])).toEqual([
			[null, 'title'],
			[3, '3-safety-rules'],
			[null, 'get-apiv1availability-the-month'],
			[null, 'in-shinkyu'],
			[null, 'in-shinkyu-1']
		]);
	});

	it('reports a missing file, section, heading or anchor', () => {
		const docs: Record<string, string> = { 'docs/a.md': '# A\n\n## 1. First\n\n## The clock\n' };
		const read = (file: string) => docs[file] ?? null;
		expect(problemOf({ file: 'docs/a.md', sections: [1], headings: ['The clock'], anchor: 'the-clock' }, read)).toBeNull();
		expect(problemOf({ file: 'docs/a.md', sections: [1, 2], headings: ['First', 'Time'], anchor: 'time' }, read)).toBe('docs/a.md has no §2, "Time", #time');
		expect(problemOf({ file: 'docs/b.md', sections: [], headings: [], anchor: null }, read)).toBe('docs/b.md does not exist');
	});
});

describe('citations of docs/ in the repository', () => {
	const files = scannedFiles();
	const found = files.flatMap((file) => citationsIn(fs.readFileSync(path.join(ROOT, file), 'utf8')).map((citation) => ({ file, citation })));

	it('reads the repository (the scan is not empty)', () => {
		expect(files).toContain('src/lib/server/db/table-owners.ts');
		expect(found.filter(({ citation }) => citation.sections.length > 0).length).toBeGreaterThan(100);
		expect(found.some(({ citation }) => citation.headings.length > 0)).toBe(true);
	});

	it('name only files and sections that exist', () => {
		const problems = found.flatMap(({ file, citation }) => {
			const problem = problemOf(citation, readDoc);
			return problem ? [`${file}: ${problem}`] : [];
		});
		expect([...new Set(problems)]).toEqual([]);
	});

	it('cite nothing outside the repository', () => {
		const outside = /\.\.\/shared|shared\/(design|domain)|\b(REFERENCE|ARCHITECTURE|STYLE|JUKYO-ININ)\.md/;
		const offending = files.filter((file) => outside.test(fs.readFileSync(path.join(ROOT, file), 'utf8')));
		expect(offending).toEqual([]);
	});
});

describe('links between the Markdown documents', () => {
	const markdown = scannedFiles().filter((file) => file.endsWith('.md') && !file.startsWith('content/'));

	it('point at files and headings that exist', () => {
		expect(markdown).toContain('docs/architecture.md');
		const problems = markdown.flatMap((file) =>
			linksIn(fs.readFileSync(path.join(ROOT, file), 'utf8')).flatMap(({ target, anchor }) => {
				const resolved = target === '' ? file : path.normalize(path.join(path.dirname(file), decodeURIComponent(target)));
				if (!fs.existsSync(path.join(ROOT, resolved))) return [`${file}: ${target} does not exist`];
				if (anchor === null || !resolved.endsWith('.md')) return [];
				const slugs = headingsOf(fs.readFileSync(path.join(ROOT, resolved), 'utf8')).map((h) => h.slug);
				return slugs.includes(anchor) ? [] : [`${file}: ${target}#${anchor} names no heading`];
			})
		);
		expect(problems).toEqual([]);
	});
});
