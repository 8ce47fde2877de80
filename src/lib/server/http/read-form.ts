/** A form's text fields as a plain object; files and repeated keys beyond the first are ignored. */
export async function readForm(request: Request): Promise<Record<string, string>> {
	const data = await request.formData();
	const values: Record<string, string> = {};
	for (const [key, value] of data) {
		if (typeof value === 'string' && !(key in values)) values[key] = value;
	}
	return values;
}
