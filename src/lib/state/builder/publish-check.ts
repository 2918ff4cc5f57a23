/**
 * What publishing a scorecard would break: the enabled plays whose `when` or webhooks read a group
 * or measure (`score.groups.<id>`, `score.measures.<id>`) that accounts they reach would no longer
 * have. Such a play does not fail, it silently stops firing for those accounts (a comparison with a
 * missing value is false), so the builder lists them and asks before publishing.
 */
import { brokenReferences, type Play, type Scorecard, type ScoredAccount } from '$lib/engine';
import type { Assignment } from '../preview/types';

/**
 * The accounts with the scorecard that scores each, before or after publishing, as the engine
 * takes them. The check only counts accounts, so the preview sends no ids: each is named by its
 * position among the preview's live accounts.
 */
export function scoredAccounts(assignment: Assignment, when: 'before' | 'after'): ScoredAccount[] {
	const assigned = assignment[when];
	return Array.from(assignment.segment, (segment, i) => ({
		id: String(i),
		segment: assignment.segments[segment]!,
		scorecard_id: assignment.cards[assigned[i]!] ?? null
	}));
}

export interface ReferenceBreak {
	path: string;
	kind: 'group' | 'measure';
	id: string;
	/** The group's or measure's name in the scorecard that has it today; null when none has. */
	name: string | null;
	/** How many of the accounts the play reaches would no longer have it. */
	lost: number;
	/** How many accounts the play reaches. */
	reachable: number;
}

export interface PlayBreak {
	id: string;
	name: string;
	references: ReferenceBreak[];
}

/** The name of a group or measure in the first of `scorecards` that has one of that id. */
function nameOf(
	scorecards: readonly Scorecard[],
	kind: ReferenceBreak['kind'],
	id: string
): string | null {
	for (const card of scorecards)
		for (const group of card.groups) {
			if (kind === 'group' && group.id === id) return group.name;
			const measure =
				kind === 'measure' ? group.measures.find((candidate) => candidate.id === id) : undefined;
			if (measure) return measure.name;
		}
	return null;
}

/**
 * The enabled plays that publishing `draft` would break, in the plays' order, each with what it
 * reads that its accounts would lose. `published` are the scorecards publishing now (the draft's
 * published version among them); `assignment` says which scores which account before and after
 * (the preview's).
 */
export function publishBreaks(input: {
	plays: readonly Play[];
	published: readonly Scorecard[];
	draft: Scorecard;
	assignment: Assignment;
}): PlayBreak[] {
	const { plays, published, draft, assignment } = input;
	const enabled = plays.filter((play) => play.enabled);
	const after = [...published.filter((card) => card.id !== draft.id), draft];
	const broken = brokenReferences(
		enabled,
		{ accounts: scoredAccounts(assignment, 'before'), scorecards: published },
		{ accounts: scoredAccounts(assignment, 'after'), scorecards: after }
	);
	return enabled.flatMap((play) => {
		const references = broken
			.filter((reference) => reference.play_id === play.id)
			.map((reference): ReferenceBreak => ({
				path: reference.path,
				kind: reference.kind,
				id: reference.id,
				name: nameOf(published, reference.kind, reference.id),
				lost: reference.accounts - reference.before,
				reachable: reference.reachable
			}));
		return references.length > 0 ? [{ id: play.id, name: play.name, references }] : [];
	});
}
