import { marked } from 'marked';
import type { Plugin } from 'vite';

/**
 * Long-form pages live as Markdown in `content/<lang>/<slug>.md` and become HTML at build time:
 * no Markdown parser ships to the server bundle's hot path or to the browser. Each file starts
 * with a front matter block giving `title` and `description`.
 */
export function markdownPages(): Plugin {
	return {
		name: 'shinkyu-markdown-pages',
		transform(source, id) {
			if (!id.endsWith('.md')) return null;
			const { meta, body } = splitFrontMatter(source, id);
			const html = marked.parse(body, { async: false, gfm: true });
			return { code: `export default ${JSON.stringify({ ...meta, html })};`, map: null };
		}
	};
}

function splitFrontMatter(source: string, id: string): { meta: { title: string; description: string }; body: string } {
	const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(source);
	if (!match) throw new Error(`${id}: missing front matter (---\\ntitle: …\\ndescription: …\\n---)`);
	const fields = Object.fromEntries(
		match[1]!.split(/\r?\n/).map((line) => {
			const colon = line.indexOf(':');
			return [line.slice(0, colon).trim(), line.slice(colon + 1).trim()];
		})
	);
	if (!fields.title || !fields.description) throw new Error(`${id}: front matter needs title and description`);
	return { meta: { title: fields.title, description: fields.description }, body: source.slice(match[0].length) };
}
