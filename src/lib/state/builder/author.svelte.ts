/**
 * Who publishes: there is no login, so the builder asks for a name once and remembers it in this
 * browser. Published versions keep it with the time.
 */
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

	/** The name versions are published under: what was typed, or "You". */
	get signature(): string {
		return this.#name.trim() || t('builder.authorDefault');
	}
}
