import { fail, redirect } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { fieldsOf } from '$lib/server/auth/form-fields';
import { setUpOwner } from '$lib/server/auth/forms';
import { serverToday } from '$lib/server/mail/service';
import { sampleAccounts, seedWorkspace } from '$lib/server/sync/seed';
import type { Actions, PageServerLoad } from './$types';

/** The first start only: once the team has an owner, this page sends people to sign in. */
export const load: PageServerLoad = async () => {
	if ((await (await app()).store.people.count()) > 0) redirect(303, '/signin');
	return {};
};

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const fields = fieldsOf(form, ['name', 'email', 'password']);
		if (!fields.ok) return fail(400, { message: fields.message, name: '', email: '' });
		const { name, email, password } = fields.values;
		const team = await app();
		const outcome = await setUpOwner(team, event, name, email, password);
		if (!outcome.ok) return fail(outcome.status, { message: outcome.message, name, email });
		const owner = await team.store.people.byEmail(email);
		// The sample unless the owner asked for an empty workspace; Japanese when they chose it.
		const start = form.get('workspace');
		await seedWorkspace(
			team.store,
			{ id: owner?.id ?? null, email },
			{
				sample: start !== 'empty',
				language: start === 'sample-ja' ? 'ja' : 'en',
				today: serverToday(),
				accounts: sampleAccounts()
			}
		);
		redirect(303, '/');
	}
};
