/**
 * Measure discovery: a scorecard built by forward selection. From the current scorecard (or from
 * nothing), add the fact that most improves the AUC, with its scoring fitted from the outcomes,
 * refit all the weights, drop any measure whose removal costs nothing, and repeat while a step
 * (or up to three, together: see LOOK_AHEAD) gains at least 0.005 and the scorecard has at most
 * 12 measures.
 *
 * Every choice is made by cross-validation within the training accounts: each of five folds is
 * scored by scorings and weights fitted on the other four, and a set of measures is judged by the
 * mean AUC over the folds. A fact must also pass a likelihood-ratio test on the training accounts
 * (the best of twenty noise facts gains some AUC in the folds by the luck of the sample, which
 * cross-validation cannot see). The held-out accounts never choose anything; they are scored after
 * each step only to report: choosing by them would fit the scorecard to those few accounts and
 * report an AUC it would not reach on new ones.
 */
import { addDays } from '../dates';
import { FactsSource } from '../facts';
import type { Backend } from '../logic';
import {
	compileScorecard,
	compileScorecards,
	factsNeedsOf,
	selectScorecard,
	type CompiledScorecard
} from '../scoring';
import type { Group, Scorecard, Workspace } from '../types';
import { auc } from './auc';
import { Judge, type Column } from './discover-judge';
import { candidatePool, columnOf, startColumns } from './discover-pool';
import { layoutInPercents } from './fit-weights';
import { layoutOf, type Layout } from './layout';
import { isEvent, type Target } from './observe';
import { splitObservations, trainingAccounts } from './split';
import type { Observation } from './types';
import { MIN_OUTCOMES } from './weights';

/** A step must lift the cross-validated AUC this much to be taken. */
export const MIN_GAIN = 0.005;
export const MAX_MEASURES = 12;
/**
 * The likelihood-ratio statistic a fact must add (χ² with one degree of freedom at p = 0.001):
 * with some twenty facts tried at each step, a laxer test would let one of them in by chance.
 */
const SIGNIFICANT = 10.83;
/**
 * How many steps may together make the gain: facts that each add a little (a payment method, a
 * support contract, 0.002 to 0.004 each) and together much would all be left out by a threshold
 * on one step at a time, and the scorecard would fall well short of a regression on all facts.
 * Each step must still gain at least NOTHING, and significantly.
 */
const LOOK_AHEAD = 3;
/** A removal that lowers the cross-validated AUC by less than this costs nothing: fold noise. */
const NOTHING = 0.001;
/** Three months ahead: early enough for a CSM to act on what the scorecard says. */
export const DEFAULT_HORIZON = 90;

export interface DiscoveryOptions {
	/** The scorecard to start from; null starts from nothing; absent, the first published one. */
	scorecardId?: string | null;
	horizon?: number;
	target?: Target;
	/** Seeds the train/held-out split (the backtest's, for the same seed) and the folds. */
	seed?: number;
	backend?: Backend;
	/** The least cross-validated gain a step must bring: MIN_GAIN unless said. */
	minGain?: number;
}

export interface DiscoveryStep {
	action: 'start' | 'add' | 'remove';
	measureId?: string;
	/** The fact a fitted measure reads. */
	fact?: string;
	/** Mean AUC over the training folds of the measures after this step, weights refitted. */
	crossValidatedAuc: number;
	/** The scorecard after this step, as the draft would score: 0.5 for an empty start. */
	heldOutAuc: number | null;
	trainAuc: number | null;
	measures: number;
}

export interface Discovery {
	ok: true;
	target: Target;
	horizon: number;
	start: 'scorecard' | 'empty';
	/** The scorecard started from, or null. */
	baseId: string | null;
	steps: DiscoveryStep[];
	/** The result as a draft: groups with percent weights, fitted measures readable as steps or maps. */
	scorecard: Scorecard;
	heldOut: { before: number | null; after: number | null; accounts: number; events: number };
	train: { accounts: number; events: number };
	/** Facts left out as copies of another fact (read by the scorecard, or offered before them). */
	skippedCopies: { fact: string; copyOf: string }[];
}

export type DiscoveryResult =
	Discovery | { ok: false; reason: 'unknown-scorecard' | 'too-few-outcomes' | 'nothing-found' };

/** The outcomes the start scorecard scores (all of them for an empty start), as of `horizon`. */
function observe(
	workspace: Workspace,
	start: CompiledScorecard | null,
	published: readonly CompiledScorecard[],
	horizon: number,
	target: Target
): Observation[] {
	// The backtest's population for a published scorecard: the outcomes it was the one to score.
	const applies = published.includes(start!)
		? (facts: Observation['facts']) => selectScorecard(published, facts) === start
		: (facts: Observation['facts']) => start?.appliesTo(facts) ?? true;
	const source = new FactsSource(workspace, factsNeedsOf(start ? [start] : []));
	const accounts = new Map(workspace.accounts.map((account) => [account.id, account]));
	const observations: Observation[] = [];
	for (const outcome of workspace.outcomes) {
		const account = accounts.get(outcome.account_id);
		if (!account) continue;
		const asOf = addDays(outcome.date, -horizon);
		const facts = source.on(account, asOf);
		if (!applies(facts)) continue;
		const scores = new Float64Array(start?.resultLength ?? 1).fill(NaN);
		start?.scoreInto(facts, scores);
		observations.push({
			accountId: account.id,
			outcomeDate: outcome.date,
			asOf,
			churned: isEvent(outcome.type, target),
			scores,
			facts
		});
	}
	return observations;
}

function enough(events: readonly boolean[]): boolean {
	const count = events.filter(Boolean).length;
	return count >= MIN_OUTCOMES && events.length - count >= MIN_OUTCOMES;
}

/** The draft: the layout's groups and measures with a weight, as whole percents. */
function draftOf(
	base: Scorecard | null,
	columns: readonly Column[],
	layout: Layout,
	newGroups: ReadonlyMap<string, Pick<Group, 'name' | 'description'>>,
	target: Target
): Scorecard | null {
	const groups: Group[] = [];
	for (const group of layout.groups) {
		const members = group.measures.filter((measure) => measure.weight > 0);
		if (group.weight <= 0 || members.length === 0) continue;
		const id = columns[members[0]!.column]!.group;
		const measures = members.map((member) => ({
			...structuredClone(columns[member.column]!.measure),
			weight: member.weight
		}));
		const original = base?.groups.find((candidate) => candidate.id === id);
		groups.push(
			original
				? { ...structuredClone(original), weight: group.weight, measures }
				: { id, ...newGroups.get(id)!, weight: group.weight, measures }
		);
	}
	if (groups.length === 0) return null;
	const expansion = target === 'expansion';
	if (!base)
		return {
			id: expansion ? 'expansion-discovered' : 'discovered',
			name: expansion ? 'Discovered expansion scorecard' : 'Discovered scorecard',
			status: 'draft',
			groups
		};
	const draft: Scorecard = {
		...structuredClone(base),
		id: `${base.id}${expansion ? '-expansion' : ''}-discovered`,
		name: `${base.name} (discovered${expansion ? ' for expansion' : ''})`,
		status: 'draft',
		groups
	};
	// A draft of a new scorecard: its first publication gives it a version.
	delete draft.version;
	return draft;
}

/** The scorecard to start from: undefined when the id names none. */
function startOf(
	workspace: Workspace,
	published: readonly CompiledScorecard[],
	id: string | null | undefined,
	backend: Backend
): CompiledScorecard | null | undefined {
	if (id === undefined) return published[0] ?? null;
	if (id === null) return null;
	const found = published.find((card) => card.id === id);
	if (found) return found;
	const scorecard = workspace.scorecards.find((card) => card.id === id);
	return scorecard && compileScorecard(scorecard, backend);
}

/**
 * The path: drop what costs nothing, then add the fact with the best significant gain (or the
 * few next best, together), drop again, and repeat. `refit` gives the facts not chosen nor
 * dropped (the measure ids in `skip`), each fitted to what it adds to `chosen`; `first` holds the
 * start's own figures.
 */
function select(
	judge: Judge,
	from: Column[],
	refit: (chosen: readonly Column[], skip: ReadonlySet<string>) => Column[],
	minGain: number,
	first: Pick<DiscoveryStep, 'heldOutAuc' | 'trainAuc'>
): { selected: Column[]; steps: DiscoveryStep[] } {
	let selected = from;
	let current = judge.crossValidated(selected);
	const steps: DiscoveryStep[] = [
		{ action: 'start', crossValidatedAuc: current, ...first, measures: selected.length }
	];
	const record = (action: 'add' | 'remove', column: Column) => {
		const fit = judge.fitted(selected);
		steps.push({
			action,
			measureId: column.measure.id,
			...(column.fact ? { fact: column.fact } : {}),
			crossValidatedAuc: current,
			heldOutAuc: fit.heldOutAuc,
			trainAuc: fit.trainAuc,
			measures: fit.measures
		});
	};
	const removed = new Set<string>();
	// Cheapest first; never the last measure, nor (with a tiny minGain) what was just added.
	const prune = () => {
		while (selected.length > 1) {
			const options = selected.map((column) => ({
				column,
				value: judge.crossValidated(selected.filter((other) => other !== column))
			}));
			const best = options.reduce((a, b) => (b.value > a.value ? b : a));
			if (current - best.value >= Math.min(NOTHING, minGain / 2)) return;
			selected = selected.filter((other) => other !== best.column);
			current = best.value;
			removed.add(best.column.measure.id);
			record('remove', best.column);
		}
	};

	// The fact that adds the most to `chosen`, if it adds something, and significantly.
	const bestStep = (chosen: Column[], value: number) => {
		const skip = new Set([...removed, ...chosen.map((column) => column.measure.id)]);
		const tried = refit(chosen, skip)
			.map((column) => ({ column, value: judge.crossValidated([...chosen, column]) }))
			.filter((option) => option.value - value >= NOTHING)
			.sort((a, b) => b.value - a.value);
		// The best gain that is no luck of the training sample.
		return tried.find(({ column }) => judge.devianceGain(chosen, column) >= SIGNIFICANT);
	};

	prune();
	while (selected.length < MAX_MEASURES) {
		// A step, or a few that gain `minGain` together (see LOOK_AHEAD).
		const chain: { column: Column; value: number }[] = [];
		let trial = selected;
		let value = current;
		while (
			chain.length < LOOK_AHEAD &&
			trial.length < MAX_MEASURES &&
			(chain.length === 0 || value - current < minGain)
		) {
			const next = bestStep(trial, value);
			if (!next) break;
			chain.push(next);
			trial = [...trial, next.column];
			value = next.value;
		}
		if (chain.length === 0 || value - current < minGain) break;
		for (const link of chain) {
			selected = [...selected, link.column];
			current = link.value;
			record('add', link.column);
		}
		prune();
	}
	return { selected, steps };
}

/** Builds a scorecard by forward selection of fitted facts (see the top of this file). */
export function discoverScorecard(
	workspace: Workspace,
	options: DiscoveryOptions = {}
): DiscoveryResult {
	const { horizon = DEFAULT_HORIZON, target = 'churn', seed = 1, backend = 'auto' } = options;
	const { minGain = MIN_GAIN } = options;
	const published = compileScorecards(workspace.scorecards, backend);
	let start = startOf(workspace, published, options.scorecardId, backend);
	if (start === undefined) return { ok: false, reason: 'unknown-scorecard' };
	const split = trainingAccounts(
		workspace.outcomes.map((outcome) => ({
			accountId: outcome.account_id,
			churned: isEvent(outcome.type, target)
		})),
		seed
	);
	const parts = (from: CompiledScorecard | null) => {
		const observations = observe(workspace, from, published, horizon, target);
		return { observations, ...splitObservations(observations, split) };
	};
	let population = parts(start);
	const usable = ({ training, heldOut }: typeof population) =>
		enough(training.map((one) => one.churned)) && enough(heldOut.map((one) => one.churned));
	// The first published scorecard by default, unless it scores too few of the outcomes (another
	// segment's accounts, say): then from nothing, over all of them.
	if (options.scorecardId === undefined && start && !usable(population)) {
		start = null;
		population = parts(null);
	}
	if (!usable(population)) return { ok: false, reason: 'too-few-outcomes' };
	const { observations, training, heldOut } = population;
	const heldOutEvents = heldOut.map((observation) => observation.churned);
	const judge = new Judge(training, heldOut, seed);
	const events = [...judge.events];

	const event = target === 'expansion' ? 'not expanding' : 'churn';
	const { candidates, newGroups, skippedCopies } = candidatePool(
		workspace,
		start,
		observations,
		training,
		heldOut,
		judge
	);
	const refit = (chosen: readonly Column[], skip: ReadonlySet<string>) => {
		const offsets = judge.offsets(chosen);
		return candidates
			.filter((candidate) => !skip.has(candidate.id))
			.flatMap((candidate) => columnOf(candidate, judge, offsets, event) ?? []);
	};

	const own = (part: readonly Observation[], flags: boolean[]) =>
		start
			? auc(
					part.map((observation) => observation.scores[0]!),
					flags
				)
			: 0.5;
	const before = own(heldOut, heldOutEvents);
	const { selected, steps } = select(
		judge,
		start ? startColumns(start, training, heldOut) : [],
		refit,
		minGain,
		{ heldOutAuc: before, trainAuc: own(training, events) }
	);

	// No step taken: the scorecard as it is (weights alone are the backtest's suggestion to make).
	const layout =
		start && steps.length === 1 ? layoutInPercents(layoutOf(start)) : judge.fitted(selected).layout;
	const scorecard = draftOf(start?.scorecard ?? null, selected, layout, newGroups, target);
	if (!scorecard) return { ok: false, reason: 'nothing-found' };
	// Judged as the app will score it: the draft compiled, on the held-out accounts' facts.
	const compiled = compileScorecard(scorecard, backend);
	const buffer = new Float64Array(compiled.resultLength);
	const after = auc(
		heldOut.map((observation) => {
			compiled.scoreInto(observation.facts, buffer);
			return buffer[0]!;
		}),
		heldOutEvents
	);
	const figure = (value: number | null) => (value === null ? 'none' : value.toFixed(3));
	scorecard.description =
		`Discovered from ${training.length} training outcomes scored ${horizon} days before each ` +
		`(a low score foresees ${event}): held-out AUC ${figure(before)} → ${figure(after)}.`;
	return {
		ok: true,
		target,
		horizon,
		start: start ? 'scorecard' : 'empty',
		baseId: start?.id ?? null,
		steps,
		scorecard,
		heldOut: {
			before,
			after,
			accounts: heldOut.length,
			events: heldOutEvents.filter(Boolean).length
		},
		train: { accounts: training.length, events: events.filter(Boolean).length },
		skippedCopies
	};
}
