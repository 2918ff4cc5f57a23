/**
 * The language the server writes in. A request is answered in its caller's: the language they
 * chose (remembered with their membership), else the page's (the switch's cookie), else their
 * browser's (`Accept-Language`), else English. A message to someone else (an invitation, a
 * notification, a customer's email) is written in theirs, with `inLocale`.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import {
	baseLocale,
	extractLocaleFromRequest,
	overwriteGetLocale,
	type Locale
} from '$lib/paraglide/runtime.js';
import type { Caller } from './auth/access';

const current = new AsyncLocalStorage<Locale>();

// Every message the server formats asks `getLocale()`: the work under way says which language.
overwriteGetLocale(() => current.getStore() ?? baseLocale);

export function localeOfRequest(request: Request, caller: Caller | null): Locale {
	return caller?.locale ?? extractLocaleFromRequest(request);
}

/** Runs `work` with its messages, dates and numbers in `locale`. */
export function inLocale<T>(locale: Locale, work: () => T): T {
	return current.run(locale, work);
}
