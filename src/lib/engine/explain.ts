/** Why a score moved: the measures whose values and points changed between two scorings. */
import type { AccountScore } from './types';

export interface MeasureMove {
	measure_id: string;
	before: { value: unknown; score: number | null; weight_share: number };
	after: { value: unknown; score: number | null; weight_share: number };
	/**
	 * Points of the overall score this measure carried after minus before (score × weight share).
	 * They add up to the overall change when both scorings have a score.
	 */
	contribution: number;
}

const carried = (measure: { score: number | null; weight_share: number } | undefined) =>
	measure && measure.score !== null ? measure.score * measure.weight_share : 0;

/**
 * The measures that moved between two scorings of one account, largest contribution first. A
 * measure whose value, score and share all stayed the same is left out; one that went missing or
 * came back is kept (its share moved to or from the others).
 */
export function explainChange(before: AccountScore, after: AccountScore): MeasureMove[] {
	const ids = [...new Set([...Object.keys(before.measures), ...Object.keys(after.measures)])];
	const none = { value: null, score: null, weight_share: 0 };
	return ids
		.map((id) => {
			const was = before.measures[id] ?? none;
			const is = after.measures[id] ?? none;
			return { measure_id: id, before: was, after: is, contribution: carried(is) - carried(was) };
		})
		.filter(
			(move) =>
				!Object.is(move.before.value, move.after.value) ||
				move.before.score !== move.after.score ||
				move.before.weight_share !== move.after.weight_share
		)
		.sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution));
}
