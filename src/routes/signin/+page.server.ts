import { fail, redirect } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { fieldsOf, localPath } from '$lib/server/auth/form-fields';
import { signIn } from '$lib/server/auth/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.caller) redirect(303, localPath(url.searchParams.get('next')));
	if ((await (await app()).store.people.count()) === 0) redirect(303, '/setup');
	return {};
};

export const actions: Actions = {
	default: async (event) => {
		const fields = fieldsOf(await event.request.formData(), ['email', 'password']);
		if (!fields.ok) return fail(400, { message: fields.message, email: '' });
		const { email, password } = fields.values;
		const outcome = await signIn(await app(), event, email, password);
		if (!outcome.ok) return fail(outcome.status, { message: outcome.message, email });
		redirect(303, localPath(event.url.searchParams.get('next')));
	}
};
