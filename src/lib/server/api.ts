/** Reading an API request's body: size-limited JSON, with errors that say what is wrong. */
import { json } from '@sveltejs/kit';
import { t } from '$lib/i18n/messages';

export async function readJson(
	request: Request,
	maxBytes: number
): Promise<{ ok: true; value: unknown; text: string } | { ok: false; response: Response }> {
	const declared = Number(request.headers.get('content-length') ?? 0);
	if (declared > maxBytes)
		return { ok: false, response: json({ error: t('server.tooLarge') }, { status: 413 }) };
	const text = await request.text();
	if (text.length > maxBytes)
		return { ok: false, response: json({ error: t('server.tooLarge') }, { status: 413 }) };
	try {
		return { ok: true, value: JSON.parse(text), text };
	} catch {
		return { ok: false, response: json({ error: t('server.notJson') }, { status: 400 }) };
	}
}

export function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
