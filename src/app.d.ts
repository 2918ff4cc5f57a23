// See https://svelte.dev/docs/kit/types#app.d.ts for what these interfaces are for.
import type { Caller } from '$lib/server/auth/access';

declare global {
	namespace App {
		interface Locals {
			/** Who is calling: set by the server's hook from the session cookie; null when nobody signed in. */
			caller: Caller | null;
		}
		// interface Error {}
		// interface PageData {}
		// interface PageState {}
		// interface Platform {}
	}
}

export {};
