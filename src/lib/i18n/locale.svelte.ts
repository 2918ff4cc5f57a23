/**
 * The language the pages show, chosen per person: their browser's by default, the header's or
 * Settings' switch otherwise (a cookie, so the server answers in it too), and for a signed-in
 * person the choice the server remembers, which follows them to every browser.
 *
 * The locale is state: every `t()` and `Intl` format reads it, and the layout shows the pages
 * afresh when it changes.
 */
import { getLocale, overwriteGetLocale, setLocale, type Locale } from '$lib/paraglide/runtime.js';

/** Each language by its own name: a reader looking for theirs finds it whatever is shown now. */
export const LANGUAGE_NAMES: Readonly<Record<Locale, string>> = { en: 'English', ja: '日本語' };

// Paraglide's own resolution, once: the switch's cookie, else the browser's language, else English.
let current = $state<Locale>(getLocale());
overwriteGetLocale(() => current);
showIn(current);

export const locale = {
	get current(): Locale {
		return current;
	}
};

function showIn(next: Locale): void {
	current = next;
	// The cookie tells the server; `reload: false` because the layout shows the pages afresh itself.
	setLocale(next, { reload: false });
	// Screen readers, fonts and line breaking read the document's language.
	if (typeof document !== 'undefined') document.documentElement.lang = next;
}

/**
 * The person's remembered choice, from the server at sign-in; it wins over this browser's. Null:
 * they have not chosen, and the browser's stays.
 */
export function adoptRemembered(remembered: Locale | null): void {
	if (remembered && remembered !== current) showIn(remembered);
}

/**
 * Shows the app in `next`. A signed-in person's choice is saved on the server; the answer says
 * whether that worked (the pages change either way).
 */
export async function chooseLocale(
	next: Locale,
	remember: boolean,
	fetchFn: typeof fetch = fetch
): Promise<{ ok: true } | { ok: false; error: string }> {
	showIn(next);
	if (!remember) return { ok: true };
	try {
		const response = await fetchFn('/api/me/locale', {
			method: 'PUT',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ locale: next })
		});
		if (response.ok) return { ok: true };
		const body = (await response.json().catch(() => ({}))) as { error?: string };
		return { ok: false, error: body.error ?? `HTTP ${response.status}` };
	} catch (error) {
		return { ok: false, error: (error as Error).message };
	}
}
