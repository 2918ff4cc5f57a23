import { fail, redirect } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { fieldsOf } from '$lib/server/auth/form-fields';
import { setUpOwner } from '$lib/server/auth/forms';
import type { Actions, PageServerLoad } from './$types';

/** The first start only: once the team has an owner, this page sends people to sign in. */
export const load: PageServerLoad = async () => {
	if ((await (await app()).store.people.count()) > 0) redirect(303, '/signin');
	return {};
};

export const actions: Actions = {
	default: async (event) => {
		const fields = fieldsOf(await event.request.formData(), ['name', 'email', 'password']);
		if (!fields.ok) return fail(400, { message: fields.message, name: '', email: '' });
		const { name, email, password } = fields.values;
		const outcome = await setUpOwner(await app(), event, name, email, password);
		if (!outcome.ok) return fail(outcome.status, { message: outcome.message, name, email });
		redirect(303, '/');
	}
};
