/** How the Plays pages name statuses, actions and their details. */
import type {
	PlanEntry,
	Play,
	Scorecard,
	SuppressionReason,
	UnresolvedReference
} from '$lib/engine';
import { formatDate } from '$lib/i18n/format';
import { t } from '$lib/i18n/messages';

export function statusLabel(entry: Pick<PlanEntry, 'status' | 'suppression'>): string {
	return entry.status === 'planned'
		? t('plays.status.planned')
		: suppressionLabel(entry.suppression!);
}

export function suppressionLabel(reason: SuppressionReason | 'planned'): string {
	return t(`plays.status.${reason}`);
}

export function actionSummary(action: Play['actions'][number]): string {
	switch (action.type) {
		case 'email':
			return t('plays.action.email', { template: action.template, to: action.to });
		case 'task':
			return t('plays.action.task', { title: action.title });
		case 'tag':
			return t('plays.action.tag', {
				tags: [
					...(action.add ?? []).map((tag) => `+${tag}`),
					...(action.remove ?? []).map((tag) => `−${tag}`)
				].join(' ')
			});
		case 'webhook':
			return t('plays.action.webhook', { host: hostOf(action.url) });
	}
}

function hostOf(url: string): string {
	try {
		return new URL(url).host;
	} catch {
		return url;
	}
}

export function detailText(entry: PlanEntry): string {
	const detail = entry.detail;
	switch (detail.type) {
		case 'email':
			return t('plays.detail.email', { template: detail.template });
		case 'task':
			return t('plays.detail.task', { title: detail.title, due: formatDate(detail.due_date) });
		case 'tag':
			return t('plays.detail.tag', {
				tags: [
					...detail.add.map((tag) => `+${tag}`),
					...detail.remove.map((tag) => `−${tag}`)
				].join(' ')
			});
		case 'webhook':
			return t('plays.detail.webhook', { url: detail.url });
	}
}

/** A group's or measure's name in the scorecards (the first that has it), or its id. */
export function referenceName(
	reference: Pick<UnresolvedReference, 'kind' | 'id'>,
	scorecards: readonly Scorecard[]
): string {
	for (const card of scorecards)
		for (const group of card.groups) {
			if (reference.kind === 'group' && group.id === reference.id) return group.name || group.id;
			const measure = group.measures.find((m) => m.id === reference.id);
			if (reference.kind === 'measure' && measure) return measure.name || measure.id;
		}
	return reference.id;
}

/** The Plays list's warning: "Reads Adoption (score.groups.adoption), which 912 of its 912 accounts do not have…". */
export function unresolvedText(
	reference: UnresolvedReference,
	scorecards: readonly Scorecard[]
): string {
	return t('plays.unresolved', {
		name: referenceName(reference, scorecards),
		path: reference.path,
		accounts: reference.accounts,
		reachable: reference.reachable
	});
}

/**
 * The dry run's line: "Scale training invitation cannot fire for 912 accounts: their scorecard
 * (Scale v2) has no group adoption (score.groups.adoption)."
 */
export function cannotFireText(
	reference: UnresolvedReference,
	playName: string,
	scorecardNames: Record<string, string>
): string {
	const cards = reference.scorecards.flatMap((id) =>
		id === null ? [] : [scorecardNames[id] ?? id]
	);
	const unscored = reference.scorecards.includes(null);
	const about = {
		kind: t(reference.kind === 'group' ? 'plays.kind.group' : 'plays.kind.measure'),
		id: reference.id,
		path: reference.path
	};
	const cause =
		cards.length === 0
			? t('plays.unresolved.unscored', about)
			: t('plays.unresolved.cards', { ...about, count: cards.length, cards: cards.join(', ') }) +
				(unscored ? `; ${t('plays.unresolved.someUnscored')}` : '');
	return t('plays.unresolved.dry', { play: playName, accounts: reference.accounts, cause });
}
