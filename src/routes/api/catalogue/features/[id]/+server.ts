/** DELETE /api/catalogue/features/{id}: removes a feature and the rules mapping events to it. */
import { json, type RequestHandler } from '@sveltejs/kit';
import { actorOf, signedIn } from '$lib/server/auth/caller';
import { mailServer } from '$lib/server/mail/server';

export const DELETE: RequestHandler = async (event) => {
	const caller = signedIn(event);
	const id = event.params.id ?? '';
	const { store } = await mailServer();
	if (!(await store.catalogue.deleteFeature(id)))
		return json({ error: 'no such feature' }, { status: 404 });
	await store.audit.record(actorOf(caller), 'catalogue.feature_delete', id);
	return json({ deleted: true });
};
