import { expect } from 'vitest';
import { browserFormPost } from './form-post';

/**
 * The patient signs the privacy and treatment consents on the desk's tablet: no health answer is
 * taken and no session starts without them (docs/clinical-rules.md §6).
 */
export async function signConsentsAtDesk(base: string, cookie: string, chartPath: string, typedName: string): Promise<void> {
	const html = await (await fetch(`${base}${chartPath}/consents`, { headers: { cookie } })).text();
	for (const kind of ['privacy', 'treatment']) {
		const documentId = new RegExp(`data-testid="desk-${kind}"[\\s\\S]*?name="documentId" value="([^"]+)"`).exec(html)?.[1];
		expect(documentId, kind).toBeTruthy();
		const signed = await browserFormPost(
			base,
			`${chartPath}/consents?/sign`,
			{ kind, documentId: documentId!, decision: 'agree', agree: 'on', typedName },
			cookie
		);
		expect(signed.status, kind).toBe(200);
	}
}
