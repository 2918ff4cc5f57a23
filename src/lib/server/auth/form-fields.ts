/** Reading the sign-in pages' form fields, with the message for each one missing. */
import { t } from '$lib/i18n/messages';

const FIELD_NAMES = {
	email: 'server.field.email',
	password: 'server.field.password',
	name: 'server.field.name'
} as const;

/** A field as the form's reader calls it, in their language. */
const fieldName = (name: string) =>
	name in FIELD_NAMES ? t(FIELD_NAMES[name as keyof typeof FIELD_NAMES]) : name;

export function fieldsOf<K extends string>(
	form: FormData,
	names: readonly K[]
): { ok: true; values: Record<K, string> } | { ok: false; message: string } {
	const values = {} as Record<K, string>;
	for (const name of names) {
		const value = form.get(name);
		if (typeof value !== 'string' || value.trim() === '')
			return { ok: false, message: t('server.form.required', { field: fieldName(name) }) };
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
