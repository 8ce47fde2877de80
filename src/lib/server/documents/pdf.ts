import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

/*
 * Printable documents (issue #7): A4 PDFs with an embedded Japanese font (Noto Sans JP, SIL Open
 * Font License), subset to the characters used, so they print the same on any machine. Callers
 * describe the content as blocks; this file only lays them out.
 */

export type PdfBlock =
	| { kind: 'title'; text: string }
	| { kind: 'heading'; text: string }
	| { kind: 'paragraph'; text: string }
	| { kind: 'fields'; rows: ReadonlyArray<readonly [label: string, value: string]> }
	/** `widths` are relative column widths (e.g. [2, 1, 1]); equal columns without them. */
	| { kind: 'table'; header: readonly string[]; rows: ReadonlyArray<readonly string[]>; widths?: readonly number[] }
	| { kind: 'note'; text: string };

export interface PdfDocumentInput {
	title: string;
	/** Written into the PDF's metadata and the footer of every page. */
	author: string;
	lang: 'ja' | 'en';
	blocks: readonly PdfBlock[];
	footer?: string;
}

const require = createRequire(import.meta.url);
const FONT_REGULAR = require.resolve('@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf');
const FONT_BOLD = require.resolve('@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf');
/** The embedded fonts, for documents laid out by hand (the 療養費 claim form). */
export const PDF_FONTS = Object.freeze({ regular: FONT_REGULAR, bold: FONT_BOLD });

const MARGIN = 56;
const INK = '#1f2a2e';
const MUTED = '#4f5d62';
const LINE = '#b9c0bc';

export function renderPdf(input: PdfDocumentInput): Promise<Buffer> {
	const doc = new PDFDocument({
		size: 'A4',
		margins: { top: MARGIN, bottom: MARGIN + 12, left: MARGIN, right: MARGIN },
		info: { Title: input.title, Author: input.author, Creator: 'shinkyu' },
		lang: input.lang,
		bufferPages: true
	});
	doc.registerFont('regular', FONT_REGULAR);
	doc.registerFont('bold', FONT_BOLD);
	const chunks: Buffer[] = [];
	const done = new Promise<Buffer>((resolve, reject) => {
		doc.on('data', (chunk: Buffer) => chunks.push(chunk));
		doc.on('end', () => resolve(Buffer.concat(chunks)));
		doc.on('error', reject);
	});
	const width = doc.page.width - MARGIN * 2;
	for (const block of input.blocks) drawBlock(doc, block, width);
	const pages = doc.bufferedPageRange();
	for (let i = 0; i < pages.count; i++) {
		doc.switchToPage(pages.start + i);
		// The footer sits in the bottom margin: without this, pdfkit would start a new page for it.
		doc.page.margins.bottom = 0;
		const footer = `${input.footer ?? input.author}\u3000${i + 1} / ${pages.count}`;
		doc
			.font('regular')
			.fontSize(8)
			.fillColor(MUTED)
			.text(footer, MARGIN, doc.page.height - MARGIN, { width, align: 'center', lineBreak: false });
	}
	doc.end();
	return done;
}

function drawBlock(doc: PDFKit.PDFDocument, block: PdfBlock, width: number) {
	const x = MARGIN;
	switch (block.kind) {
		case 'title':
			doc.font('bold').fontSize(18).fillColor(INK).text(block.text, x, doc.y, { width });
			doc.moveDown(0.6);
			return;
		case 'heading':
			// A heading at the foot of a page, with its content on the next, is read as belonging to neither.
			startPageUnlessRoom(doc, 120);
			doc.moveDown(0.4);
			doc.font('bold').fontSize(12).fillColor(INK).text(block.text, x, doc.y, { width });
			doc
				.moveTo(x, doc.y + 2)
				.lineTo(x + width, doc.y + 2)
				.strokeColor(LINE)
				.lineWidth(0.5)
				.stroke();
			doc.moveDown(0.5);
			return;
		case 'paragraph':
			doc.font('regular').fontSize(10.5).fillColor(INK).text(block.text, x, doc.y, { width, lineGap: 3 });
			doc.moveDown(0.5);
			return;
		case 'note':
			doc.font('regular').fontSize(9).fillColor(MUTED).text(block.text, x, doc.y, { width, lineGap: 2 });
			doc.moveDown(0.5);
			return;
		case 'fields': {
			const labelWidth = Math.min(150, width * 0.35);
			for (const [label, value] of block.rows) {
				const shown = value === '' ? '—' : value;
				// A row is kept whole: a label left on one page with its value on the next misleads.
				startPageUnlessRoom(
					doc,
					Math.max(
						doc
							.font('bold')
							.fontSize(10)
							.heightOfString(label, { width: labelWidth - 8 }),
						doc
							.font('regular')
							.fontSize(10.5)
							.heightOfString(shown, { width: width - labelWidth, lineGap: 2 })
					)
				);
				const top = doc.y;
				doc
					.font('bold')
					.fontSize(10)
					.fillColor(MUTED)
					.text(label, x, top, { width: labelWidth - 8 });
				const afterLabel = doc.y;
				doc
					.font('regular')
					.fontSize(10.5)
					.fillColor(INK)
					.text(shown, x + labelWidth, top, { width: width - labelWidth, lineGap: 2 });
				doc.y = Math.max(afterLabel, doc.y) + 3;
			}
			doc.moveDown(0.4);
			return;
		}
		case 'table': {
			const weights = block.widths?.length === block.header.length ? block.widths : block.header.map(() => 1);
			const total = weights.reduce((sum, w) => sum + w, 0);
			const columnWidths = weights.map((w) => (width * w) / total);
			const columnX = columnWidths.map((_, i) => x + columnWidths.slice(0, i).reduce((sum, w) => sum + w, 0));
			const row = (cells: readonly string[], font: 'regular' | 'bold') => {
				const top = doc.y;
				let bottom = top;
				cells.forEach((cell, i) => {
					doc
						.font(font)
						.fontSize(9.5)
						.fillColor(INK)
						.text(cell, columnX[i]! + 2, top, { width: columnWidths[i]! - 6 });
					bottom = Math.max(bottom, doc.y);
				});
				doc.y = bottom + 2;
				doc
					.moveTo(x, doc.y)
					.lineTo(x + width, doc.y)
					.strokeColor(LINE)
					.lineWidth(0.5)
					.stroke();
				doc.y += 3;
			};
			const rowHeight = (cells: readonly string[], font: 'regular' | 'bold') =>
				Math.max(
					...cells.map((cell, i) =>
						doc
							.font(font)
							.fontSize(9.5)
							.heightOfString(cell, { width: columnWidths[i]! - 6 })
					)
				) + 5;
			// The header row never ends a page alone, and it is repeated on every page the table reaches.
			startPageUnlessRoom(doc, rowHeight(block.header, 'bold') + (block.rows[0] ? rowHeight(block.rows[0], 'regular') : 0));
			row(block.header, 'bold');
			for (const cells of block.rows) {
				if (startPageUnlessRoom(doc, rowHeight(cells, 'regular'))) row(block.header, 'bold');
				row(cells, 'regular');
			}
			doc.moveDown(0.5);
			return;
		}
	}
}

/**
 * Starts a new page when what follows (its height in points) would not fit above the bottom
 * margin; something taller than a whole page is left to flow. True when a page was started.
 */
function startPageUnlessRoom(doc: PDFKit.PDFDocument, height: number): boolean {
	const bottom = doc.page.height - doc.page.margins.bottom;
	const page = bottom - doc.page.margins.top;
	if (doc.y + height <= bottom || height > page || doc.y <= doc.page.margins.top) return false;
	doc.addPage();
	return true;
}

/** Headers for a PDF download: inline in the browser, with a file name that keeps its Japanese. */
export function pdfHeaders(filename: string): Record<string, string> {
	return {
		'content-type': 'application/pdf',
		'content-disposition': `inline; filename="document.pdf"; filename*=UTF-8''${encodeURIComponent(filename)}`,
		'cache-control': 'private, no-store'
	};
}
