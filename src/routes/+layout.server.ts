import { abilitiesOf } from '$lib/server/auth/access';
import type { LayoutServerLoad } from './$types';

/** Who is signed in and what their role may do: the pages hide what it cannot (the API decides). */
export const load: LayoutServerLoad = ({ locals }) => ({
	caller: locals.caller,
	abilities: locals.caller ? abilitiesOf(locals.caller.role) : null
});
