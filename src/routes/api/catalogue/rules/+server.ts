/**
 * POST /api/catalogue/rules `{event, property?, value?, feature_id?, completion?}`: adds a rule, or
 * replaces the one matching the same events; 201 `{rule}`.
 */
import { json, type RequestHandler } from '@sveltejs/kit';
import { actorOf, signedIn } from '$lib/server/auth/caller';
import { changeCatalogue, readObject } from '../change';

export const POST: RequestHandler = async (event) => {
	const caller = signedIn(event);
	const body = await readObject(event.request);
	if (!body.ok) return body.response;
	const { event: name, property, value, feature_id, completion } = body.value;
	return changeCatalogue(async (store) => {
		const rule = await store.catalogue.saveRule({
			event: name,
			property,
			value,
			feature_id,
			completion
		});
		const { id, ...detail } = rule;
		await store.audit.record(actorOf(caller), 'catalogue.rule_save', id, detail);
		return json({ rule }, { status: 201 });
	});
};
