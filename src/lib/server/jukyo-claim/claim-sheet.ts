import PDFDocument from 'pdfkit';
import { PDF_FONTS } from '../documents/pdf';

/*
 * A ruled A4 sheet for the 療養費 claim form: sections with a title bar and rows of labelled cells,
 * laid out by hand (the block layout of documents/pdf.ts has no ruled cells or grid). Uses the same
 * embedded Noto Sans JP.
 */

export const SHEET_MARGIN = 28;
const INK = '#111111';
const MUTED = '#444444';
const RULE = '#555555';
const BAR = '#e6e6e6';
const LABEL_SIZE = 6.5;
const VALUE_SIZE = 8.5;
const PAD = 2.5;

export interface Cell {
	label: string;
	value: string;
	/** Relative width within the row; 1 by default. */
	weight?: number;
}

export class ClaimSheet {
	readonly doc: PDFKit.PDFDocument;
	readonly width: number;
	y = SHEET_MARGIN;
	private readonly chunks: Buffer[] = [];
	private readonly done: Promise<Buffer>;

	constructor(title: string, author: string) {
		this.doc = new PDFDocument({
			size: 'A4',
			margins: { top: SHEET_MARGIN, bottom: SHEET_MARGIN, left: SHEET_MARGIN, right: SHEET_MARGIN },
			info: { Title: title, Author: author, Creator: 'shinkyu' },
			lang: 'ja'
		});
		this.doc.registerFont('regular', PDF_FONTS.regular);
		this.doc.registerFont('bold', PDF_FONTS.bold);
		this.width = this.doc.page.width - SHEET_MARGIN * 2;
		this.done = new Promise<Buffer>((resolve, reject) => {
			this.doc.on('data', (chunk: Buffer) => this.chunks.push(chunk));
			this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
			this.doc.on('error', reject);
		});
	}

	/** Starts a new page when less than `height` is left. */
	private ensure(height: number) {
		if (this.y + height > this.doc.page.height - SHEET_MARGIN) {
			this.doc.addPage();
			this.y = SHEET_MARGIN;
		}
	}

	title(text: string, right: string) {
		this.doc
			.font('bold')
			.fontSize(13)
			.fillColor(INK)
			.text(text, SHEET_MARGIN, this.y, { width: this.width * 0.7, lineBreak: false });
		this.doc
			.font('regular')
			.fontSize(9)
			.text(right, SHEET_MARGIN + this.width * 0.55, this.y + 3, { width: this.width * 0.45, align: 'right', lineBreak: false });
		this.y += 20;
	}

	section(text: string) {
		this.ensure(30);
		this.doc.rect(SHEET_MARGIN, this.y, this.width, 11).fillColor(BAR).fill();
		this.doc.rect(SHEET_MARGIN, this.y, this.width, 11).strokeColor(RULE).lineWidth(0.5).stroke();
		this.doc
			.font('bold')
			.fontSize(7)
			.fillColor(INK)
			.text(text, SHEET_MARGIN + PAD, this.y + 1.5, { width: this.width - PAD * 2, lineBreak: false });
		this.y += 11;
	}

	row(cells: readonly Cell[]) {
		const total = cells.reduce((sum, c) => sum + (c.weight ?? 1), 0);
		const widths = cells.map((c) => (this.width * (c.weight ?? 1)) / total);
		// A label sits before its value on one line when both fit, above it otherwise.
		const layouts = cells.map((c, i) => {
			const inner = widths[i]! - PAD * 2;
			const labelWidth = c.label === '' ? 0 : this.doc.font('bold').fontSize(LABEL_SIZE).widthOfString(c.label) + 4;
			const valueText = c.value === '' ? ' ' : c.value;
			const inline =
				labelWidth < inner * 0.6 && !valueText.includes('\n') && this.doc.font('regular').fontSize(VALUE_SIZE).widthOfString(valueText) <= inner - labelWidth;
			const labelHeight = c.label === '' || inline ? 0 : this.doc.font('bold').fontSize(LABEL_SIZE).heightOfString(c.label, { width: inner });
			const valueWidth = inline ? inner - labelWidth : inner;
			const valueHeight = this.doc.font('regular').fontSize(VALUE_SIZE).heightOfString(valueText, { width: valueWidth });
			return { inline, labelWidth, valueWidth, height: labelHeight + valueHeight + PAD * 2 };
		});
		const height = Math.max(...layouts.map((l) => l.height));
		this.ensure(height);
		let x = SHEET_MARGIN;
		cells.forEach((c, i) => {
			const w = widths[i]!;
			const layout = layouts[i]!;
			this.doc.rect(x, this.y, w, height).strokeColor(RULE).lineWidth(0.5).stroke();
			let top = this.y + PAD;
			let left = x + PAD;
			if (c.label !== '') {
				this.doc
					.font('bold')
					.fontSize(LABEL_SIZE)
					.fillColor(MUTED)
					.text(c.label, x + PAD, layout.inline ? top + 1.5 : top, { width: layout.inline ? layout.labelWidth : w - PAD * 2, lineBreak: !layout.inline });
				if (layout.inline) left += layout.labelWidth;
				else top = this.doc.y;
			}
			this.doc.font('regular').fontSize(VALUE_SIZE).fillColor(INK).text(c.value, left, top, { width: layout.valueWidth });
			x += w;
		});
		this.y += height;
	}

	/** The 施術日 grid: days 1–31 in two rows, each cell the day and its mark ('' no visit; null: the month has no such day, shaded). */
	grid(marks: ReadonlyArray<string | null>) {
		const perRow = 16;
		const cellWidth = this.width / perRow;
		const cellHeight = 17;
		this.ensure(cellHeight * 2);
		for (let i = 0; i < 31; i++) {
			const x = SHEET_MARGIN + (i % perRow) * cellWidth;
			const y = this.y + Math.floor(i / perRow) * cellHeight;
			const mark = marks[i];
			if (mark === null || mark === undefined) this.doc.rect(x, y, cellWidth, cellHeight).fillColor('#f4f4f4').fill();
			this.doc.rect(x, y, cellWidth, cellHeight).strokeColor(RULE).lineWidth(0.5).stroke();
			this.doc
				.font('regular')
				.fontSize(6)
				.fillColor(MUTED)
				.text(String(i + 1), x + 1.5, y + 1, { width: cellWidth - 3, lineBreak: false });
			if (mark)
				this.doc
					.font('bold')
					.fontSize(8)
					.fillColor(INK)
					.text(mark, x, y + 6.5, { width: cellWidth, align: 'center', lineBreak: false });
		}
		this.y += cellHeight * 2;
	}

	note(text: string) {
		this.ensure(12);
		this.doc
			.font('regular')
			.fontSize(6.5)
			.fillColor(MUTED)
			.text(text, SHEET_MARGIN, this.y + 1.5, { width: this.width });
		this.y = this.doc.y + 1.5;
	}

	gap(points = 4) {
		this.y += points;
	}

	end(): Promise<Buffer> {
		this.doc.end();
		return this.done;
	}
}
