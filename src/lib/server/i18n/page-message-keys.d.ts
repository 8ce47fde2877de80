/** Built by vite-plugin-page-messages.ts: each route component's message keys, by its path from the project root. */
declare module 'virtual:page-message-keys' {
	const keys: Record<string, string[]>;
	export default keys;
}
