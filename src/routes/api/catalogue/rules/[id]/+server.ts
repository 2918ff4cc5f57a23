/** DELETE /api/catalogue/rules/{id}: removes a rule; its events count as unmapped again. */
import { json, type RequestHandler } from '@sveltejs/kit';
import { actorOf, signedIn } from '$lib/server/auth/caller';
import { mailServer } from '$lib/server/mail/server';

export const DELETE: RequestHandler = async (event) => {
	const caller = signedIn(event);
	const id = event.params.id ?? '';
	const { store } = await mailServer();
	// What the rule matched, for the audit log to say which rule went.
	const rule = (await store.catalogue.rules()).find((each) => each.id === id);
	if (!rule || !(await store.catalogue.deleteRule(id)))
		return json({ error: 'no such rule' }, { status: 404 });
	await store.audit.record(actorOf(caller), 'catalogue.rule_delete', id, {
		event: rule.event,
		property: rule.property,
		value: rule.value,
		feature_id: rule.feature_id,
		completion: rule.completion
	});
	return json({ deleted: true });
};
