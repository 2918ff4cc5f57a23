/**
 * Who acts: published versions, approvals, runs and manual entries keep it with the time. Signed
 * in, it is the person's email (the server signs their changes with it in any case). Without a
 * session (a component on its own), a name typed once and remembered in this browser.
 */
import { page } from '$app/state';
import { t } from '$lib/i18n/messages';

export const AUTHOR_KEY = 'scorecraft.author';

function stored(): string {
	try {
		return globalThis.localStorage?.getItem(AUTHOR_KEY) ?? '';
	} catch {
		// Storage can be refused (privacy settings): the default name is fine then.
		return '';
	}
}

export class Author {
	#name = $state(stored());

	/** The signed-in person's email, or null without a session. */
	get signedIn(): string | null {
		const caller = page.data?.caller as { email?: string } | null | undefined;
		return caller?.email ?? null;
	}

	/** What the user typed (may be empty). */
	get name(): string {
		return this.#name;
	}

	set name(value: string) {
		this.#name = value;
		try {
			globalThis.localStorage?.setItem(AUTHOR_KEY, value);
		} catch {
			// Not remembered across visits; still used for this one.
		}
	}

	/** The name things are done under: the signed-in email, or what was typed, or "You". */
	get signature(): string {
		return this.signedIn ?? (this.#name.trim() || t('builder.authorDefault'));
	}
}
