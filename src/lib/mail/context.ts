/**
 * The data a template is rendered with, for one account and contact: built from the play's score
 * context (the same one its `when` read), the sender identity (`sender.ts`) and the resource
 * library (`templates/resources.json`, and `resources.<language>.json` in the contact's language).
 */
import type { Account, Contact, ScoreContext, Workspace } from '../engine';
import library from '../../../templates/resources.json';
import libraryJa from '../../../templates/resources.ja.json';
import { EMPTY_SENDER, resolveSender, type ResolvedSender } from './sender';
import type { MailContext, Resource } from './types';

type Library = Readonly<Record<string, readonly Resource[]>>;

export const RESOURCES: Library = library;

/** The libraries written in another language than English, by language. */
const TRANSLATED_RESOURCES: Readonly<Record<string, Library>> = { ja: libraryJa };

/** The language of a BCP 47 tag, lower case: `ja-JP` → `ja`; '' for none. */
export const languageOf = (tag: string | null | undefined): string =>
	(tag ?? '').split(/[-_]/)[0]!.trim().toLowerCase();

/** What a template reads of the sender (`sender.*`, `links.*`); the logo lives at `publicUrl`. */
export function senderContext(
	sender: ResolvedSender,
	publicUrl: string = sender.public_url
): Pick<MailContext, 'sender' | 'links'> {
	return {
		sender: {
			name: sender.name,
			email: sender.address,
			postal_address: sender.postal_address,
			logo_url: `${publicUrl.replace(/\/+$/, '')}/email-logo.png`
		},
		links: { ...sender.links }
	};
}

function round(value: number | null | undefined): number | null {
	return typeof value === 'number' && Number.isFinite(value) ? Math.round(value) : null;
}

function weakestGroup(groups: Record<string, number | null>, names: ReadonlyMap<string, string>) {
	let weakest: { id: string; name: string; score: number } | null = null;
	for (const [id, score] of Object.entries(groups))
		if (typeof score === 'number' && (!weakest || score < weakest.score))
			weakest = { id, name: names.get(id) ?? id, score: Math.round(score) };
	return weakest;
}

/**
 * Two or three resources for the group an account is weakest in (the general ones otherwise), in
 * the contact's language when the library has it.
 */
export function resourcesFor(groupId: string | undefined, locale = ''): Resource[] {
	const resources = TRANSLATED_RESOURCES[languageOf(locale)] ?? RESOURCES;
	const list = (groupId && resources[groupId]) || resources.default || [];
	return list.slice(0, 3).map((resource) => ({ ...resource }));
}

export interface MailContextInput {
	account: Account;
	contact: Pick<Contact, 'email'> & Partial<Pick<Contact, 'id' | 'name' | 'role' | 'locale'>>;
	/** The account's score context on the as-of date (`scoreContext`). */
	score: ScoreContext;
	groupNames: ReadonlyMap<string, string>;
	/** The sender the message goes out as; without it, resolved from `settings` and `mailFrom`. */
	sender?: ResolvedSender;
	settings?: Workspace['settings'];
	mailFrom?: string | null;
	/** Where the logo is served from: the app's public address, or the page a preview is on. */
	publicUrl: string;
	unsubscribeUrl: string;
}

export function mailContext(input: MailContextInput): MailContext {
	const { account, contact, score } = input;
	const name = (contact.name ?? '').trim();
	const groups: Record<string, number | null> = {};
	for (const [id, value] of Object.entries(score.score.groups)) groups[id] = round(value);
	const weakest = weakestGroup(score.score.groups, input.groupNames);
	return {
		contact: {
			id: contact.id ?? '',
			name,
			first_name: name.split(/\s+/)[0] ?? '',
			email: contact.email,
			role: contact.role ?? '',
			locale: contact.locale ?? ''
		},
		account: { ...score.account, id: account.id, name: account.name, segment: account.segment },
		score: {
			overall: round(score.score.overall),
			band: score.score.band,
			groups,
			weakest_group: weakest,
			delta_30d: round(score.score.delta_30d)
		},
		days_to_renewal: score.days_to_renewal,
		days_since_start: score.days_since_start,
		resources: resourcesFor(weakest?.id, contact.locale),
		...senderContext(
			input.sender ??
				resolveSender(EMPTY_SENDER, {
					settings: input.settings,
					mailFrom: input.mailFrom,
					publicUrl: input.publicUrl
				}),
			input.publicUrl
		),
		unsubscribe_url: input.unsubscribeUrl,
		now: score.now
	};
}
