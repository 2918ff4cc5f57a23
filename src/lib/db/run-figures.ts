/**
 * What a run does per play, in the categories its confirmation and its result both show: the
 * figures come from the plan and the keys the outbox already holds, so the two agree.
 */
import type { Plan } from '$lib/engine';
import type { ScorecraftDatabase } from './database';

/**
 * What a run does for one play, by category: the confirmation shows these figures before the run
 * (from the plan and the keys the outbox already holds) and the result the same after it, so the
 * two agree on unchanged data. Each plan entry counts once: already done, else suppressed, else by
 * its action (emails, tasks, tags, webhooks); `approval` says how many of those wait for a person.
 */
export interface PlayFigures {
	play_id: string;
	emails: number;
	tasks: number;
	tags: number;
	webhooks: number;
	/** Of the emails, tasks, tags and webhooks: the entries of approve-mode plays, left waiting. */
	approval: number;
	/** Not performed, with a reason (unsubscribed, cooldown, caps, no recipient…). */
	suppressed: number;
	/** Already in the outbox from an earlier run in the same cooldown window: nothing new is done. */
	already: number;
}

export type Figures = Omit<PlayFigures, 'play_id'>;

export const FIGURE_CATEGORIES = [
	'emails',
	'tasks',
	'tags',
	'webhooks',
	'approval',
	'suppressed',
	'already'
] as const satisfies readonly (keyof Figures)[];

const ACTION_FIGURE = { email: 'emails', task: 'tasks', tag: 'tags', webhook: 'webhooks' } as const;

const noFigures = (): Figures => ({
	emails: 0,
	tasks: 0,
	tags: 0,
	webhooks: 0,
	approval: 0,
	suppressed: 0,
	already: 0
});

/**
 * A plan's figures per play, given the keys the outbox already holds: the plays of `playIds` first,
 * in that order (with zeros when a play plans nothing), then any other play with entries.
 */
export function playFigures(
	plan: Pick<Plan, 'entries'>,
	existing: ReadonlySet<string>,
	playIds: readonly string[] = []
): PlayFigures[] {
	const byPlay = new Map<string, PlayFigures>();
	const of = (id: string) => {
		let figures = byPlay.get(id);
		if (!figures) byPlay.set(id, (figures = { play_id: id, ...noFigures() }));
		return figures;
	};
	for (const id of playIds) of(id);
	const seen = new Set<string>();
	for (const entry of plan.entries) {
		const figures = of(entry.play_id);
		if (existing.has(entry.key) || seen.has(entry.key)) figures.already++;
		else if (entry.status === 'suppressed') figures.suppressed++;
		else {
			figures[ACTION_FIGURE[entry.action]]++;
			if (entry.mode === 'approve') figures.approval++;
		}
		seen.add(entry.key);
	}
	return [...byPlay.values()];
}

/** The sum of every play's figures (the table's total row). */
export function totalFigures(figures: readonly Figures[]): Figures {
	const total = noFigures();
	for (const each of figures)
		for (const category of FIGURE_CATEGORIES) total[category] += each[category];
	return total;
}

/** The keys of a plan's entries that the outbox already holds. */
export async function keysInOutbox(
	db: ScorecraftDatabase,
	plan: Pick<Plan, 'entries'>
): Promise<Set<string>> {
	const keys = [...new Set(plan.entries.map((entry) => entry.key))];
	const found = await db.outbox.bulkGet(keys);
	return new Set(keys.filter((_, i) => found[i] !== undefined));
}
