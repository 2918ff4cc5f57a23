/**
 * PUT /api/catalogue/settings `{dormant_days, power_user_days, power_user_breadth}`: the team's
 * usage thresholds (the breadth a share from 0 to 1); `{settings}` as saved.
 */
import { json, type RequestHandler } from '@sveltejs/kit';
import { actorOf, signedIn } from '$lib/server/auth/caller';
import type { UsageSettings } from '$lib/server/store/feature-catalogue';
import { changeCatalogue, readObject } from '../change';

export const PUT: RequestHandler = async (event) => {
	const caller = signedIn(event);
	const body = await readObject(event.request);
	if (!body.ok) return body.response;
	const { dormant_days, power_user_days, power_user_breadth } = body.value;
	return changeCatalogue(async (store) => {
		// The catalogue checks each field's type and range.
		const settings = await store.catalogue.saveSettings({
			dormant_days,
			power_user_days,
			power_user_breadth
		} as UsageSettings);
		await store.audit.record(actorOf(caller), 'catalogue.settings', null, { ...settings });
		return json({ settings });
	});
};
