/**
 * POST /api/catalogue/features `{id?, name, advanced?, integration?}`: adds a feature (its id made
 * from its name when not given), or changes the one with that id; 201 `{feature}`.
 */
import { json, type RequestHandler } from '@sveltejs/kit';
import { actorOf, signedIn } from '$lib/server/auth/caller';
import { changeCatalogue, readObject } from '../change';

export const POST: RequestHandler = async (event) => {
	const caller = signedIn(event);
	const body = await readObject(event.request);
	if (!body.ok) return body.response;
	const { id, name, advanced, integration } = body.value;
	return changeCatalogue(async (store) => {
		const feature = await store.catalogue.saveFeature({
			// Not a string: the catalogue's id check says what an id is.
			id: id === undefined || id === null || id === '' ? undefined : String(id),
			name,
			advanced,
			integration
		});
		await store.audit.record(actorOf(caller), 'catalogue.feature_save', feature.id, {
			name: feature.name,
			advanced: feature.advanced,
			integration: feature.integration
		});
		return json({ feature }, { status: 201 });
	});
};
