import type { ClaimSignature } from '../../domain/jukyo-claim/month-confirmation';
import { SIGNATURE_BOX } from '../../domain/jukyo-claim/month-confirmation';
import { formatWareki } from '../../domain/jukyo-claim/wareki';
import { translator, type MessageKey } from '../../i18n/translate';
import { SHEET_MARGIN, type ClaimSheet } from './claim-sheet';

/*
 * The signer block of the 申請書 (docs/jukyo-claim.md §11): who confirmed the month and signed — the
 * patient, or a 代理人 with the relation and reason — on which day, and how. A drawn signature is
 * stored as SVG path data, so it is drawn here as vector strokes, scaled into the cell.
 */

const t = translator('ja');
const HEIGHT = 40;
/** How the signature was made, as the 申請書 says it: a typed label map (issue #21). */
const SIGNATURE_KIND_LABELS: Record<ClaimSignature['signatureKind'], MessageKey> = { drawn: 'claimStatus.pdf.how.drawn', typed: 'claimStatus.pdf.how.typed' };

export function signatureText(signature: ClaimSignature | null): string {
	if (!signature) return t('claimStatus.pdf.unsigned');
	const how = t(SIGNATURE_KIND_LABELS[signature.signatureKind]);
	const on = formatWareki(signature.signedOn);
	return signature.signerKind === 'patient'
		? t('claimStatus.pdf.signedByPatient', { name: signature.signerName, on, how })
		: t('claimStatus.pdf.signedByProxy', { name: signature.signerName, relation: signature.proxyRelation, reason: signature.proxyReason, on, how });
}

export function printSignature(sheet: ClaimSheet, signature: ClaimSignature | null): void {
	const doc = sheet.doc;
	if (sheet.y + HEIGHT > doc.page.height - SHEET_MARGIN) {
		doc.addPage();
		sheet.y = SHEET_MARGIN;
	}
	const top = sheet.y;
	const drawWidth = (HEIGHT - 4) * (SIGNATURE_BOX.width / SIGNATURE_BOX.height);
	const textWidth = sheet.width - drawWidth - 8;
	doc.rect(SHEET_MARGIN, top, sheet.width, HEIGHT).strokeColor('#555555').lineWidth(0.5).stroke();
	doc
		.font('bold')
		.fontSize(6.5)
		.fillColor('#444444')
		.text(t('claimStatus.pdf.signature'), SHEET_MARGIN + 2.5, top + 2.5, { width: textWidth, lineBreak: false });
	doc
		.font('regular')
		.fontSize(8.5)
		.fillColor('#111111')
		.text(signatureText(signature), SHEET_MARGIN + 2.5, top + 12, { width: textWidth, height: HEIGHT - 14 });
	if (signature?.signaturePath) {
		const scale = (HEIGHT - 4) / SIGNATURE_BOX.height;
		doc.save();
		doc.translate(SHEET_MARGIN + sheet.width - drawWidth - 2, top + 2).scale(scale);
		doc
			.path(signature.signaturePath)
			.lineWidth(2 / scale)
			.lineCap('round')
			.lineJoin('round')
			.strokeColor('#111111')
			.stroke();
		doc.restore();
	}
	sheet.y = top + HEIGHT;
}
