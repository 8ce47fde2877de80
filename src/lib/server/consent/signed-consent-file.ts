import { CONSENT_KIND_LABELS } from '../../labels/consent-kind-labels';
import { recordedByKey } from '../../domain/consent/kinds';
import type { Locale } from '../../i18n/locales';
import { translate, type MessageKey } from '../../i18n/translate';
import type { ConsentDocument, ConsentSignature } from './consent-repository';
import { instantFormat } from '../../format';
import { localDate } from '../../domain/time';

/*
 * A signed consent as one standalone HTML file for the patient to keep: no scripts, no outside
 * resources, both languages with their lang attributes, the time in the clinic's time zone.
 */

export interface SignedConsentFile {
	filename: string;
	html: string;
	/** For an `<a download href>`: the file travels inside the page, so no extra route is needed. */
	dataUrl: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

function paragraphs(body: string): string {
	return body
		.split(/\n\s*\n/)
		.map((p) => p.trim())
		.filter((p) => p !== '')
		.map((p) => `<p>${escapeHtml(p)}</p>`)
		.join('\n');
}

export function signedConsentFile(input: {
	locale: Locale;
	timeZone: string;
	clinicName: string;
	patientName: string;
	document: ConsentDocument;
	signature: ConsentSignature;
}): SignedConsentFile {
	const { locale, timeZone, document, signature } = input;
	const t = (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
	const other: Locale = locale === 'ja' ? 'en' : 'ja';
	const title = (l: Locale) => (l === 'ja' ? document.titleJa : document.titleEn);
	const body = (l: Locale) => (l === 'ja' ? document.bodyJa : document.bodyEn);
	const when = instantFormat(locale, timeZone, { dateStyle: 'long', timeStyle: 'medium' }).format(new Date(signature.signedAt));
	const kind = t(CONSENT_KIND_LABELS[document.kind]);
	const rows: Array<[MessageKey, string]> = [
		['consent.record.patient', input.patientName],
		['consent.record.document', t('consent.record.documentValue', { title: title(locale), kind })],
		['consent.record.version', t('consent.version', { version: document.version })],
		['consent.record.answer', t(signature.agreed ? 'consent.answer.agreed' : 'consent.answer.declined')],
		['consent.record.typedName', signature.signedName || '—'],
		['consent.record.signedAt', `${when} (${timeZone})`],
		['consent.record.recordedBy', t(recordedByKey(signature.channel, signature.recordedByName), { name: signature.recordedByName ?? '' })]
	];
	const html = `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${t('consent.record.title')}: ${title(locale)} | ${input.clinicName}`)}</title>
<style>
body { font-family: system-ui, 'Hiragino Sans', 'Noto Sans JP', sans-serif; line-height: 1.7; max-width: 40rem; margin: 1rem auto; padding: 0 1rem; color: #1f2a2e; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
dt { font-weight: 600; }
dd { margin: 0; }
section { border-top: 1px solid #d5d9d6; margin-top: 1.5rem; }
</style>
</head>
<body>
<p>${escapeHtml(input.clinicName)}</p>
<h1>${escapeHtml(t('consent.record.title'))}</h1>
<dl>
${rows.map(([key, value]) => `<dt>${escapeHtml(t(key))}</dt><dd>${escapeHtml(value)}</dd>`).join('\n')}
</dl>
<section>
<h2>${escapeHtml(title(locale))}</h2>
${paragraphs(body(locale))}
</section>
<section lang="${other}">
<h2>${escapeHtml(title(other))}</h2>
${paragraphs(body(other))}
</section>
</body>
</html>
`;
	// The clinic's date, as on the page: a signature at 08:00 in Tokyo is not one of the day before.
	const day = localDate(Date.parse(signature.signedAt), timeZone).replace(/-/g, '');
	return {
		filename: `consent-${document.kind}-v${document.version}-${day}.html`,
		html,
		dataUrl: `data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`
	};
}
