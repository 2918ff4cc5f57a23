/** Reading the sign-in pages' form fields, with the message for each one missing. */
export function fieldsOf<K extends string>(
	form: FormData,
	names: readonly K[]
): { ok: true; values: Record<K, string> } | { ok: false; message: string } {
	const values = {} as Record<K, string>;
	for (const name of names) {
		const value = form.get(name);
		if (typeof value !== 'string' || value.trim() === '')
			return { ok: false, message: `${name}: required` };
		values[name] = name === 'password' ? value : value.trim();
	}
	return { ok: true, values };
}

/** Where to go after signing in: a path of the app, never another site. */
export function localPath(next: string | null): string {
	return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\')
		? next
		: '/';
}
