/**
 * Scorecards applied to the accounts: which scorecard scores which account (the first in trial
 * order whose condition holds), their overall scores and bands, then the histogram, the band counts
 * and the band moves between how accounts are scored today and how the draft would score them.
 */
import type { Band, Facts } from '$lib/engine';
import type { CompiledScorecard } from '$lib/engine/scoring';
import { scoreBin, scoreHistogram } from './histogram';
import type { BandChanges, BandCount, BandMove, Histogram } from './types';

/** A band index for an account with no measure present. */
export const NO_DATA_BAND = -1;
/** A band index for an account the scorecard does not apply to. */
export const NOT_APPLYING = -2;

/** Moves listed by name; the counts are always complete. */
export const MOVES_LISTED = 200;

export interface CardScores {
	/**
	 * The scorecard's bands, highest threshold first (as the engine matches them); for the scores
	 * of several scorecards (`scoreAssigned`), each one's bands one after the other.
	 */
	bands: readonly Band[];
	/** Positions of the accounts it scores. */
	matching: Int32Array;
	/** Per account: the overall score; NaN with no data or when the scorecard does not apply. */
	overall: Float64Array;
	/** Per account: an index into `bands`, NO_DATA_BAND or NOT_APPLYING. */
	band: Int16Array;
}

/** The positions of the accounts whose facts the scorecard applies to. */
export function matchingAccounts(card: CompiledScorecard, facts: readonly Facts[]): Int32Array {
	const found = new Int32Array(facts.length);
	let count = 0;
	for (let i = 0; i < facts.length; i++) if (card.appliesTo(facts[i]!)) found[count++] = i;
	return found.slice(0, count);
}

/** A band index for an account no scorecard scores, in an assignment. */
export const UNASSIGNED = -1;

/**
 * Which scorecard scores each account: the first of `order` that applies to it, as the engine
 * tries them. `order` gives each scorecard's index (what the result holds) and the positions of the
 * accounts it applies to.
 */
export function assignAccounts(
	count: number,
	order: readonly { index: number; matching: Int32Array }[]
): Int16Array {
	const assigned = new Int16Array(count).fill(UNASSIGNED);
	for (const { index, matching } of order)
		for (const i of matching) if (assigned[i] === UNASSIGNED) assigned[i] = index;
	return assigned;
}

/** The positions of the accounts assigned `index`. */
export function positionsOf(assigned: Int16Array, index: number): Int32Array {
	const found = new Int32Array(assigned.length);
	let count = 0;
	for (let i = 0; i < assigned.length; i++) if (assigned[i] === index) found[count++] = i;
	return found.slice(0, count);
}

function scoreInto(
	card: CompiledScorecard,
	facts: readonly Facts[],
	matching: Int32Array,
	into: { overall: Float64Array; band: Int16Array },
	offset: number
): void {
	const bands = card.plan.bands;
	const out = new Float64Array(card.resultLength);
	for (let k = 0; k < matching.length; k++) {
		const i = matching[k]!;
		card.scoreInto(facts[i]!, out);
		const score = out[0]!;
		into.overall[i] = score;
		into.band[i] = Number.isNaN(score) ? NO_DATA_BAND : offset + bandIndex(bands, score);
	}
}

/** Scores the matching accounts with `scoreInto`: numbers only, nothing allocated per account. */
export function scoreCard(
	card: CompiledScorecard,
	facts: readonly Facts[],
	matching: Int32Array
): CardScores {
	const scores: CardScores = {
		bands: card.plan.bands,
		matching,
		overall: new Float64Array(facts.length).fill(NaN),
		band: new Int16Array(facts.length).fill(NOT_APPLYING)
	};
	scoreInto(card, facts, matching, scores, 0);
	return scores;
}

/**
 * Every account scored by the scorecard `assigned` gives it (an index into `cards`), as the
 * engine scores the portfolio: one set of scores over several scorecards' bands.
 */
export function scoreAssigned(
	cards: readonly CompiledScorecard[],
	facts: readonly Facts[],
	assigned: Int16Array
): CardScores {
	const overall = new Float64Array(facts.length).fill(NaN);
	const band = new Int16Array(facts.length).fill(NOT_APPLYING);
	const bands: Band[] = [];
	cards.forEach((card, index) => {
		scoreInto(card, facts, positionsOf(assigned, index), { overall, band }, bands.length);
		bands.push(...card.plan.bands);
	});
	const matching: number[] = [];
	for (let i = 0; i < assigned.length; i++) if (assigned[i] !== UNASSIGNED) matching.push(i);
	return { bands, matching: Int32Array.from(matching), overall, band };
}

/** The same scores for the accounts `keep` says (by position) only; the others not scored. */
export function restrictScores(scores: CardScores, keep: Uint8Array): CardScores {
	const overall = new Float64Array(scores.overall.length).fill(NaN);
	const band = new Int16Array(scores.band.length).fill(NOT_APPLYING);
	const matching: number[] = [];
	for (const i of scores.matching) {
		if (!keep[i]) continue;
		overall[i] = scores.overall[i]!;
		band[i] = scores.band[i]!;
		matching.push(i);
	}
	return { bands: scores.bands, matching: Int32Array.from(matching), overall, band };
}

/** As `bandFor`: the first band (highest first) whose min the score reaches, else the lowest. */
function bandIndex(bands: readonly Band[], score: number): number {
	for (let b = 0; b < bands.length; b++) if (score >= bands[b]!.min) return b;
	return bands.length - 1;
}

export function histogramOf(scores: CardScores): Histogram {
	const histogram = scoreHistogram();
	for (const i of scores.matching) {
		const score = scores.overall[i]!;
		if (!Number.isNaN(score)) histogram.counts[scoreBin(score)]!++;
	}
	return histogram;
}

/** The draft's bands from the lowest up with their counts, and today's counts by name. */
export function bandCounts(
	draft: CardScores,
	today: CardScores | null
): { bands: BandCount[]; noData: number } {
	const counts = new Array<number>(draft.bands.length).fill(0);
	let noData = 0;
	for (const i of draft.matching) {
		const b = draft.band[i]!;
		if (b === NO_DATA_BAND) noData++;
		else counts[b]!++;
	}
	const before = new Map<string, number>();
	if (today) {
		for (const i of today.matching) {
			const b = today.band[i]!;
			if (b < 0) continue;
			const name = today.bands[b]!.name;
			before.set(name, (before.get(name) ?? 0) + 1);
		}
	}
	const bands = draft.bands
		.map((band, b): BandCount => ({
			name: band.name,
			...(band.color ? { color: band.color } : {}),
			min: band.min,
			count: counts[b]!,
			...(today ? { today: before.get(band.name) ?? 0 } : {})
		}))
		.reverse();
	return { bands, noData };
}

/** A band's name and level (its threshold); no data is below every band. */
function bandAt(scores: CardScores, b: number, noData: string): { name: string; level: number } {
	return b === NO_DATA_BAND
		? { name: noData, level: -Infinity }
		: { name: scores.bands[b]!.name, level: scores.bands[b]!.min };
}

/**
 * The accounts whose band differs between today (`published`: how they are scored now, by
 * whichever scorecard) and the draft. A band renamed at the same threshold is no move; up and down
 * compare the bands' thresholds.
 */
export function bandChanges(
	published: CardScores,
	draft: CardScores,
	nameOf: (i: number) => { id: string; name: string },
	noData: string
): BandChanges {
	let up = 0;
	let down = 0;
	let entered = 0;
	let left = 0;
	const moved: { i: number; from: string; to: string; up: boolean; change: number }[] = [];
	for (let i = 0; i < draft.band.length; i++) {
		const before = published.band[i]!;
		const after = draft.band[i]!;
		if (before === NOT_APPLYING) {
			if (after !== NOT_APPLYING) entered++;
			continue;
		}
		if (after === NOT_APPLYING) {
			left++;
			continue;
		}
		const from = bandAt(published, before, noData);
		const to = bandAt(draft, after, noData);
		if (from.name === to.name || from.level === to.level) continue;
		const isUp = to.level > from.level;
		if (isUp) up++;
		else down++;
		const change = Math.abs(draft.overall[i]! - published.overall[i]!);
		moved.push({
			i,
			from: from.name,
			to: to.name,
			up: isUp,
			change: Number.isNaN(change) ? Infinity : change
		});
	}
	moved.sort((a, b) => b.change - a.change || a.i - b.i);
	const moves = moved.slice(0, MOVES_LISTED).map(({ i, from, to, up: isUp }): BandMove => {
		const account = nameOf(i);
		const fromScore = published.overall[i]!;
		const toScore = draft.overall[i]!;
		return {
			accountId: account.id,
			name: account.name,
			from,
			to,
			direction: isUp ? 'up' : 'down',
			fromScore: Number.isNaN(fromScore) ? null : fromScore,
			toScore: Number.isNaN(toScore) ? null : toScore
		};
	});
	return { moved: up + down, up, down, entered, left, moves };
}
