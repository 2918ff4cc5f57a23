import { adoptRemembered } from '$lib/i18n/locale.svelte';
import type { Caller } from '$lib/server/auth/access';
import type { LayoutLoad } from './$types';

// The data lives in the browser (IndexedDB, and for now a generated sample), so pages render
// there; the node server only serves the shell.
export const ssr = false;
export const prerender = false;

/** The signed-in person's remembered language, before the first page shows. */
export const load: LayoutLoad = ({ data }) => {
	adoptRemembered((data.caller as Caller | null)?.locale ?? null);
	return data;
};
