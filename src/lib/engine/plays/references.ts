/**
 * What a play reads of the scores (`score.groups.<id>`, `score.measures.<id>`), and which of the
 * accounts it can reach are scored by a scorecard without that group or measure. Such a reference
 * never holds (a comparison with a missing operand is false), so a play whose scorecard changed
 * under it would silently stop; the builder, the Plays list and the dry run say so instead.
 */
import { varsRead, type Logic } from '../logic';
import type { Play, Scorecard } from '../types';

/** A group or measure a play reads, by its path (`score.groups.adoption`). */
export interface ScoreReference {
	path: string;
	kind: 'group' | 'measure';
	id: string;
}

/** An account as far as references go: its segment (for a play's audience), the card scoring it. */
export interface ScoredAccount {
	id: string;
	segment: string;
	/** The scorecard that scores it, null when none does. */
	scorecard_id: string | null;
}

/** A reference that does not resolve for some of the accounts a play can reach. */
export interface UnresolvedReference {
	play_id: string;
	path: string;
	kind: ScoreReference['kind'];
	id: string;
	/** How many of the play's reachable accounts lack it. */
	accounts: number;
	/** How many accounts the play can reach (its audience). */
	reachable: number;
	/** The scorecards scoring the accounts that lack it (null: accounts no scorecard scores). */
	scorecards: (string | null)[];
}

const PLACEHOLDER = /\{\{\s*(score\.(?:groups|measures)\.[\w-]+)\s*\}\}/g;

function referenceOf(path: string): ScoreReference | null {
	const [root, kind, id, ...rest] = path.split('.');
	if (root !== 'score' || !id || rest.length > 0) return null;
	if (kind === 'groups') return { path, kind: 'group', id };
	if (kind === 'measures') return { path, kind: 'measure', id };
	return null;
}

function placeholderPaths(value: unknown, into: Set<string>): void {
	if (typeof value === 'string')
		for (const match of value.matchAll(PLACEHOLDER)) into.add(match[1]!);
	else if (Array.isArray(value)) for (const item of value) placeholderPaths(item, into);
	else if (typeof value === 'object' && value !== null)
		for (const item of Object.values(value)) placeholderPaths(item, into);
}

/** The groups and measures a play reads: in its `when`, and in its webhooks' placeholders. */
export function scoreReferences(play: Pick<Play, 'when' | 'actions'>): ScoreReference[] {
	const paths = new Set(varsRead(play.when as Logic));
	for (const action of play.actions)
		if (action.type === 'webhook') placeholderPaths(action.body, paths);
	return [...paths].flatMap((path) => referenceOf(path) ?? []);
}

/** Group and measure ids per scorecard id. */
function idsByCard(scorecards: readonly Scorecard[]) {
	return new Map(
		scorecards.map((card) => [
			card.id,
			{
				group: new Set(card.groups.map((group) => group.id)),
				measure: new Set(card.groups.flatMap((group) => group.measures.map((m) => m.id)))
			}
		])
	);
}

/** Whether a play can reach an account: its audience's segments, or every segment. */
export function inAudience(play: Pick<Play, 'audience'>, segment: string): boolean {
	const segments = play.audience?.segments;
	return !segments?.length || segments.includes(segment);
}

/**
 * For each play, the references that some of the accounts it can reach lack. `accounts` are the
 * accounts with the scorecard that scores each (as `scorePortfolio` or a preview assigns them);
 * `scorecards` must include every scorecard named there.
 */
export function unresolvedReferences(
	plays: readonly Play[],
	accounts: readonly ScoredAccount[],
	scorecards: readonly Scorecard[]
): UnresolvedReference[] {
	const ids = idsByCard(scorecards);
	const found: UnresolvedReference[] = [];
	for (const play of plays) {
		const references = scoreReferences(play);
		if (references.length === 0) continue;
		const reachable = accounts.filter((account) => inAudience(play, account.segment));
		for (const reference of references) {
			let count = 0;
			const cards = new Set<string | null>();
			for (const account of reachable) {
				const card = account.scorecard_id === null ? undefined : ids.get(account.scorecard_id);
				if (card?.[reference.kind].has(reference.id)) continue;
				count++;
				cards.add(account.scorecard_id);
			}
			if (count > 0)
				found.push({
					play_id: play.id,
					...reference,
					accounts: count,
					reachable: reachable.length,
					scorecards: [...cards]
				});
		}
	}
	return found;
}

/** A reference a change breaks: unresolved for more reachable accounts after than before. */
export interface BrokenReference extends UnresolvedReference {
	/** How many reachable accounts lacked it before the change. */
	before: number;
}

/**
 * What a change of scorecards (publishing one, say) would break: the references of `plays` that
 * more accounts lack afterwards, with how many lacked them before.
 */
export function brokenReferences(
	plays: readonly Play[],
	before: { accounts: readonly ScoredAccount[]; scorecards: readonly Scorecard[] },
	after: { accounts: readonly ScoredAccount[]; scorecards: readonly Scorecard[] }
): BrokenReference[] {
	const key = (reference: UnresolvedReference) => `${reference.play_id}\u0000${reference.path}`;
	const earlier = new Map(
		unresolvedReferences(plays, before.accounts, before.scorecards).map((r) => [key(r), r.accounts])
	);
	return unresolvedReferences(plays, after.accounts, after.scorecards)
		.map((reference) => ({ ...reference, before: earlier.get(key(reference)) ?? 0 }))
		.filter((reference) => reference.accounts > reference.before);
}
