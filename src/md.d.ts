declare module '*.md' {
	const article: { title: string; description: string; html: string };
	export default article;
}
