/**
 * The data a template is rendered with, for one account and contact: built from the play's score
 * context (the same one its `when` read), the workspace's sender settings and the resource
 * library (`templates/resources.json`).
 */
import type { Account, Contact, Scorecard, ScoreContext, Workspace } from '../engine';
import library from '../../../templates/resources.json';
import type { MailContext, Resource } from './types';

export const RESOURCES: Readonly<Record<string, readonly Resource[]>> = library;

/** Sender and link settings (`settings.sender_name`, …), with the defaults a sample workspace uses. */
export function senderSettings(
	settings: Workspace['settings'],
	mailFrom: string,
	publicUrl: string
) {
	const read = (name: string, fallback: string) => {
		const value = (settings as Record<string, unknown>)[name];
		return typeof value === 'string' && value.trim() ? value.trim() : fallback;
	};
	return {
		sender: {
			name: read('sender_name', 'The Customer Success team'),
			email: mailFrom,
			postal_address: read(
				'sender_postal_address',
				'Scorecraft Inc. · 1 Example Street · Springfield'
			),
			logo_url: `${publicUrl.replace(/\/+$/, '')}/email-logo.png`
		},
		links: {
			training: read('training_url', 'https://example.com/training'),
			community: read('community_url', 'https://example.com/community'),
			help: read('help_url', 'https://example.com/help')
		}
	};
}

/** Group id → name, from every scorecard (the same id names the same group everywhere). */
export function groupNames(scorecards: readonly Scorecard[]): Map<string, string> {
	const names = new Map<string, string>();
	for (const scorecard of scorecards)
		for (const group of scorecard.groups)
			if (!names.has(group.id)) names.set(group.id, group.name || group.id);
	return names;
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

/** Two or three resources for the group an account is weakest in (the general ones otherwise). */
export function resourcesFor(groupId: string | undefined): Resource[] {
	const list = (groupId && RESOURCES[groupId]) || RESOURCES.default || [];
	return list.slice(0, 3).map((resource) => ({ ...resource }));
}

export interface MailContextInput {
	account: Account;
	contact: Pick<Contact, 'email'> & Partial<Pick<Contact, 'id' | 'name' | 'role'>>;
	/** The account's score context on the as-of date (`scoreContext`). */
	score: ScoreContext;
	groupNames: ReadonlyMap<string, string>;
	settings: Workspace['settings'];
	mailFrom: string;
	/** The app's public address (`PUBLIC_URL`): the logo and the unsubscribe page live there. */
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
			role: contact.role ?? ''
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
		resources: resourcesFor(weakest?.id),
		...senderSettings(input.settings, input.mailFrom, input.publicUrl),
		unsubscribe_url: input.unsubscribeUrl,
		now: score.now
	};
}
