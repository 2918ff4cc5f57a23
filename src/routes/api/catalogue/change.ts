/**
 * What the catalogue's routes share: the body read as a JSON object, and a change whose
 * `CatalogueError` (the person's mistake: a missing name, a rule without a feature) is answered
 * 400 with its message; any other error stays the server's.
 */
import { json } from '@sveltejs/kit';
import { isObject, readJson } from '$lib/server/api';
import { mailServer } from '$lib/server/mail/server';
import { CatalogueError } from '$lib/server/store/feature-catalogue';
import type { Store } from '$lib/server/store/store';

/** A feature, a rule or the settings: a few short fields. */
const MAX_BODY = 16 * 1024;

export async function readObject(
	request: Request
): Promise<{ ok: true; value: Record<string, unknown> } | { ok: false; response: Response }> {
	const body = await readJson(request, MAX_BODY);
	if (!body.ok) return body;
	if (!isObject(body.value))
		return { ok: false, response: json({ error: 'expected a JSON object' }, { status: 400 }) };
	return { ok: true, value: body.value };
}

export async function changeCatalogue(
	work: (store: Store) => Promise<Response>
): Promise<Response> {
	const { store } = await mailServer();
	try {
		return await work(store);
	} catch (error) {
		if (error instanceof CatalogueError) return json({ error: error.message }, { status: 400 });
		throw error;
	}
}
