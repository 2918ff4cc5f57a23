import { fail, redirect } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { fieldsOf } from '$lib/server/auth/form-fields';
import { acceptInvitation } from '$lib/server/auth/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const invitation = await (await app()).store.people.invitation(params.token);
	return { invitation: invitation && { email: invitation.email, role: invitation.role } };
};

export const actions: Actions = {
	default: async (event) => {
		const fields = fieldsOf(await event.request.formData(), ['name', 'password']);
		if (!fields.ok) return fail(400, { message: fields.message, name: '' });
		const { name, password } = fields.values;
		const outcome = await acceptInvitation(await app(), event, event.params.token, name, password);
		if (!outcome.ok) return fail(outcome.status, { message: outcome.message, name });
		redirect(303, '/');
	}
};
