import { inflateSync } from 'node:zlib';

/*
 * The text of a PDF written by src/lib/server/documents/pdf.ts, for tests: the embedded fonts are
 * subsets addressed by glyph id (Identity-H), so the text is only readable through each font's
 * ToUnicode map. Enough of PDF for pdfkit's output (no object streams, no cross-reference streams);
 * not a general reader.
 */

interface PdfObject {
	dict: string;
	stream: Buffer | null;
}

function readObjects(pdf: Buffer): Map<string, PdfObject> {
	const text = pdf.toString('latin1');
	const objects = new Map<string, PdfObject>();
	for (const match of text.matchAll(/(\d+) 0 obj\n/g)) {
		const start = match.index + match[0].length;
		const streamAt = text.indexOf('stream\n', start);
		const endAt = text.indexOf('\nendobj', start);
		if (streamAt === -1 || streamAt > endAt) {
			objects.set(match[1]!, { dict: text.slice(start, endAt), stream: null });
			continue;
		}
		const dict = text.slice(start, streamAt);
		const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? 0);
		const raw = pdf.subarray(streamAt + 'stream\n'.length, streamAt + 'stream\n'.length + length);
		objects.set(match[1]!, { dict, stream: dict.includes('/FlateDecode') ? inflateSync(raw) : Buffer.from(raw) });
	}
	return objects;
}

/** A ToUnicode CMap as glyph code → text (pdfkit writes bfrange entries with arrays). */
function readCMap(cmap: string): Map<number, string> {
	const map = new Map<number, string>();
	// A ligature maps to several characters, written with spaces inside the hex string: <0066 006c> is "fl".
	const utf16 = (hex: string) => String.fromCharCode(...(hex.replace(/\s+/g, '').match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
	for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
		for (const entry of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F\s]+>)/g)) {
			const from = parseInt(entry[1]!, 16);
			const to = parseInt(entry[2]!, 16);
			const target = entry[3]!;
			if (target.startsWith('[')) {
				[...target.matchAll(/<([0-9a-fA-F\s]+)>/g)].forEach((h, i) => map.set(from + i, utf16(h[1]!)));
			} else {
				const first = parseInt(target.slice(1, -1), 16);
				for (let code = from; code <= to; code++) map.set(code, String.fromCharCode(first + code - from));
			}
		}
	}
	for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
		for (const entry of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]+)>/g)) map.set(parseInt(entry[1]!, 16), utf16(entry[2]!));
	}
	return map;
}

/** The text of every page, one line per text-showing operation, pages in order. */
export function pdfText(pdf: Buffer): string {
	return pdfPages(pdf).join('\n');
}

/** The text of each page, one line per text-showing operation. */
export function pdfPages(pdf: Buffer): string[] {
	const objects = readObjects(pdf);
	const ref = (dict: string, key: string) => new RegExp(`/${key} (\\d+) 0 R`).exec(dict)?.[1];
	const pagesRoot = [...objects.values()].find((o) => /\/Type \/Pages\b/.test(o.dict));
	const pageIds = [...(/\/Kids \[([^\]]*)\]/.exec(pagesRoot?.dict ?? '')?.[1] ?? '').matchAll(/(\d+) 0 R/g)].map((m) => m[1]!);
	const pages: string[] = [];
	for (const pageId of pageIds) {
		const lines: string[] = [];
		const page = objects.get(pageId)!;
		const resources = objects.get(ref(page.dict, 'Resources') ?? '')?.dict ?? '';
		const fonts = new Map<string, Map<number, string>>();
		for (const f of (/\/Font <<([\s\S]*?)>>/.exec(resources)?.[1] ?? '').matchAll(/\/(\w+) (\d+) 0 R/g)) {
			const cmap = objects.get(ref(objects.get(f[2]!)?.dict ?? '', 'ToUnicode') ?? '')?.stream;
			fonts.set(f[1]!, cmap ? readCMap(cmap.toString('latin1')) : new Map());
		}
		const content = objects.get(ref(page.dict, 'Contents') ?? '')?.stream?.toString('latin1') ?? '';
		let font = new Map<number, string>();
		for (const op of content.matchAll(/\/(\w+) [\d.]+ Tf|\[((?:<[0-9a-fA-F]*>|[-\d.\s])*)\] TJ|<([0-9a-fA-F]*)> Tj/g)) {
			if (op[1]) {
				font = fonts.get(op[1]) ?? new Map();
				continue;
			}
			const hex = op[2] !== undefined ? [...op[2].matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => m[1]!).join('') : op[3]!;
			lines.push((hex.match(/.{4}/g) ?? []).map((code) => font.get(parseInt(code, 16)) ?? '').join(''));
		}
		pages.push(lines.join('\n'));
	}
	return pages;
}

/** Text without any white space, so that a phrase wrapped onto two lines still matches. */
export function squashed(text: string): string {
	return text.replace(/\s+/g, '');
}
