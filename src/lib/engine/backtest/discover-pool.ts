/**
 * What discovery may put in a scorecard: the start scorecard's measures, and the facts no measure
 * reads (a fact that copies another considered once), each refitted at every step to what it adds
 * to the measures chosen, on all the training accounts and on the rest of each fold.
 */
import { isPresent } from '../scoring/measure';
import type { CompiledScorecard } from '../scoring';
import type { Group, Workspace } from '../types';
import {
	candidateFacts,
	copies,
	factMeasure,
	freshId,
	numberOf,
	ownAuc,
	scoreWith,
	type FactKind,
	type FittedScoring
} from './candidates';
import { FOLDS, type Column, type Judge } from './discover-judge';
import { fitLevels, levelsOf, type Levels, type Shape } from './discover-levels';
import { measureScoresOf } from './layout';
import { lookAheadFacts } from './observe';
import type { Observation } from './types';
import { factsRead } from './unmeasured';
import { MIN_OUTCOMES } from './weights';

/** How much better, in cross-validated AUC alone, free steps must do to be preferred to monotone ones. */
const FREE_MARGIN = 0.002;

/** The start scorecard's measures as columns, with the scores it gave. */
export function startColumns(
	card: CompiledScorecard,
	training: readonly Observation[],
	heldOut: readonly Observation[]
): Column[] {
	let index = 0;
	const scoresOf = (part: readonly Observation[], m: number) =>
		Float64Array.from(part, (observation) => measureScoresOf(card, observation.scores)[m]!);
	return card.scorecard.groups.flatMap((group) =>
		group.measures.map((measure) => {
			const m = index++;
			const train = scoresOf(training, m);
			return {
				measure,
				group: group.id,
				train,
				byFold: Array.from({ length: FOLDS }, () => train),
				heldOut: scoresOf(heldOut, m)
			};
		})
	);
}

/** A fact to try, prepared once: its levels and where each row falls, its shape, its name. */
export interface Candidate {
	fact: string;
	kind: FactKind;
	id: string;
	group: string;
	levels: Levels;
	shape: Shape;
	values: unknown[];
	level: Int32Array;
	heldOutValues: unknown[];
}

type Offsets = ReturnType<Judge['offsets']>;

/**
 * A candidate's column for the measures chosen so far (their log-odds `offsets`): its scoring
 * fitted on the rest of each fold for cross-validation, and on all the training rows.
 */
export function columnOf(
	candidate: Candidate,
	judge: Judge,
	offsets: Offsets,
	event: string,
	shape = candidate.shape
): Column | null {
	const { events } = judge;
	const fit = (rows: readonly number[], offset: Float64Array) =>
		fitLevels(candidate.levels, candidate.level, rows, events, offset, shape);
	const scored = (scoring: FittedScoring | null, part: readonly unknown[]) =>
		Float64Array.from(part, (value) => (scoring ? scoreWith(scoring, value) : 50));
	const fitted = fit(judge.all, offsets.full);
	if (!fitted) return null;
	return {
		measure: factMeasure(
			candidate.fact,
			candidate.id,
			fitted,
			describeFitted(candidate, fitted, judge.all.length, event)
		),
		group: candidate.group,
		fact: candidate.fact,
		train: scored(fitted, candidate.values),
		byFold: offsets.byFold.map((offset, k) => scored(fit(judge.rest(k), offset), candidate.values)),
		heldOut: scored(fitted, candidate.heldOutValues)
	};
}

/**
 * A fact prepared as a candidate, or null when its values do not vary. A number's steps may turn
 * only where the folds show the rate really turns (free steps beat monotone ones alone), not for
 * a wiggle of noise.
 */
function prepare(
	found: Omit<Candidate, 'levels' | 'shape' | 'values' | 'level' | 'heldOutValues'>,
	judge: Judge,
	training: readonly Observation[],
	heldOut: readonly Observation[],
	empty: Offsets
): Candidate | null {
	const values = training.map((observation) => observation.facts[found.fact]);
	const levels = levelsOf(found.kind, values, judge.events);
	if (!levels) return null;
	const candidate: Candidate = {
		...found,
		levels,
		shape: 'monotone',
		values,
		level: Int32Array.from(values, (value) => levels.of(value)),
		heldOutValues: heldOut.map((observation) => observation.facts[found.fact])
	};
	if (found.kind !== 'number') return candidate;
	const monotone = columnOf(candidate, judge, empty, '');
	const free = columnOf(candidate, judge, empty, '', 'free');
	if (!monotone) return null;
	if (free && judge.alone(free.byFold) > judge.alone(monotone.byFold) + FREE_MARGIN)
		candidate.shape = 'free';
	return candidate;
}

/** What a fitted measure's scoring says, in words, for its description. */
function describeFitted(
	candidate: Pick<Candidate, 'fact' | 'kind'>,
	fitted: FittedScoring,
	count: number,
	event: string
) {
	const { fact } = candidate;
	const how =
		`scored by the odds of ${event} there beyond what the measures chosen before it foresee ` +
		`(the lowest odds 100)`;
	const trend = fitted.direction
		? `, a higher value never scoring ${fitted.direction === 'higher-churns' ? 'higher' : 'lower'}`
		: '';
	const missing = `a missing value scores ${fitted.missingScore}`;
	const source = `Fitted on ${count} training outcomes`;
	if (candidate.kind === 'number')
		return `${source}: ${fact} cut into ranges, each ${how}${trend}; ${missing}.`;
	const other = fitted.scoring.type === 'map' ? fitted.scoring.else : 50;
	return `${source}: each value of ${fact} ${how}; any other value scores ${other}, ${missing}.`;
}

/**
 * The facts to try, best alone first, without the copies: a fact that carries the same
 * information as one the scorecard reads, or as one offered before it, is considered once.
 */
function distinctFacts(
	observations: readonly Observation[],
	training: readonly Observation[],
	events: boolean[],
	read: ReadonlySet<string>,
	exclude: ReadonlySet<string>
) {
	const valuesOf = (fact: string) => training.map((observation) => observation.facts[fact]);
	const facts = observations.map((observation) => observation.facts);
	const all = candidateFacts(facts, exclude);
	const kept = all.filter(({ fact }) => read.has(fact));
	const offered = all
		.filter(({ fact }) => !read.has(fact))
		.filter(({ fact, kind }) => {
			// Enough of both outcomes among the accounts that have it, or no rate means much.
			const present = valuesOf(fact).flatMap((value, i) =>
				(kind === 'number' ? Number.isNaN(numberOf(value)) : !isPresent(value)) ? [] : [events[i]!]
			);
			const count = present.filter(Boolean).length;
			return count >= MIN_OUTCOMES && present.length - count >= MIN_OUTCOMES;
		})
		.map((found) => ({ ...found, auc: ownAuc(found.kind, valuesOf(found.fact), events) }))
		.sort((a, b) => b.auc - a.auc || a.fact.localeCompare(b.fact));
	const seen = kept.map((found) => ({ ...found, values: valuesOf(found.fact) }));
	const distinct: { fact: string; kind: FactKind }[] = [];
	const skippedCopies: { fact: string; copyOf: string }[] = [];
	for (const found of offered) {
		const candidate = { ...found, values: valuesOf(found.fact) };
		const original = seen.find((other) => copies(other, candidate));
		if (original) skippedCopies.push({ fact: found.fact, copyOf: original.fact });
		else {
			seen.push(candidate);
			distinct.push(found);
		}
	}
	return { distinct, skippedCopies };
}

/**
 * The columns to try, named and grouped for the draft: facts of the account record in an
 * "Account profile" group, snapshot metrics in "Activity" (ids unique beside the start's).
 */
export function candidatePool(
	workspace: Workspace,
	start: CompiledScorecard | null,
	observations: readonly Observation[],
	training: readonly Observation[],
	heldOut: readonly Observation[],
	judge: Judge
) {
	const events = [...judge.events];
	const read = start ? new Set(factsRead(start)) : new Set<string>();
	const { distinct, skippedCopies } = distinctFacts(
		observations,
		training,
		events,
		read,
		new Set(lookAheadFacts(workspace))
	);
	const taken = new Set(
		start?.scorecard.groups.flatMap((group) => [group.id, ...group.measures.map((m) => m.id)])
	);
	const snapshotFacts = new Set<string>();
	for (const snapshot of workspace.snapshots)
		for (const name in snapshot.metrics) snapshotFacts.add(name);
	const newGroups = new Map<string, Pick<Group, 'name' | 'description'>>([
		[
			freshId('profile', taken),
			{ name: 'Account profile', description: 'Facts of the account record.' }
		],
		[freshId('activity', taken), { name: 'Activity', description: 'Facts of the latest snapshot.' }]
	]);
	const [profile, activity] = [...newGroups.keys()];
	const empty = judge.offsets([]);
	const candidates = distinct.flatMap((found) => {
		const group = snapshotFacts.has(found.fact) ? activity! : profile!;
		const id = freshId(found.fact, taken);
		return prepare({ ...found, id, group }, judge, training, heldOut, empty) ?? [];
	});

	return { candidates, newGroups, skippedCopies };
}
