/**
 * Ranking figures of a score against churn. Convention: a LOW score predicts churn, and an
 * account is flagged at a threshold when its score is below it. NaN scores are left out.
 */
import { Random } from '../random';
import type { RocPoint } from './types';

interface Tie {
	value: number;
	churned: number;
	retained: number;
}

/** The distinct finite scores in ascending order, with how many churned and retained had each. */
function ties(scores: ArrayLike<number>, churned: ArrayLike<boolean>): Tie[] {
	const order: number[] = [];
	for (let i = 0; i < scores.length; i++) if (Number.isFinite(scores[i])) order.push(i);
	order.sort((a, b) => scores[a]! - scores[b]!);
	const groups: Tie[] = [];
	for (const i of order) {
		const value = scores[i]!;
		let last = groups[groups.length - 1];
		if (!last || last.value !== value) groups.push((last = { value, churned: 0, retained: 0 }));
		if (churned[i]) last.churned++;
		else last.retained++;
	}
	return groups;
}

/**
 * The area under the ROC curve, as the Mann–Whitney statistic: the share of (churned, retained)
 * pairs in which the churned account scored lower, a tie counting half. Null without at least one
 * churned and one retained account.
 */
export function auc(scores: ArrayLike<number>, churned: ArrayLike<boolean>): number | null {
	let below = 0;
	let pairs = 0;
	let retainedSoFar = 0;
	let churnedTotal = 0;
	let retainedTotal = 0;
	for (const tie of ties(scores, churned)) {
		churnedTotal += tie.churned;
		retainedTotal += tie.retained;
	}
	if (churnedTotal === 0 || retainedTotal === 0) return null;
	// Walking up the scores: the churned at a value are above every retained account seen so far
	// (those pairs count 0) and tie with the retained at the same value (½); the rest count 1.
	for (const tie of ties(scores, churned)) {
		below += tie.churned * (retainedTotal - retainedSoFar - tie.retained + tie.retained / 2);
		retainedSoFar += tie.retained;
		pairs += tie.churned * retainedTotal;
	}
	return below / pairs;
}

/** Resamples of the outcomes behind an AUC's interval: enough for steady 2.5th and 97.5th percentiles. */
export const AUC_RESAMPLES = 1000;

/** Where the AUC would fall on another sample of outcomes like these, 95 times in 100. */
export interface AucInterval {
	low: number;
	high: number;
}

/**
 * The 95 % interval of the AUC by bootstrap: the outcomes drawn again with replacement, as many as
 * there are, `resamples` times (seeded, so the same data gives the same interval), and the 2.5th
 * and 97.5th percentiles of their AUCs. With few churned accounts it is wide: that is the point.
 * Null without at least one churned and one retained account.
 */
export function aucInterval(
	scores: ArrayLike<number>,
	churned: ArrayLike<boolean>,
	seed = 1,
	resamples = AUC_RESAMPLES
): AucInterval | null {
	const groups = ties(scores, churned);
	// Every outcome as the tie it falls in, churned or not: a resample counts draws per tie.
	const tieOf: number[] = [];
	const isChurned: boolean[] = [];
	groups.forEach((tie, g) => {
		for (let i = 0; i < tie.churned + tie.retained; i++) {
			tieOf.push(g);
			isChurned.push(i < tie.churned);
		}
	});
	const n = tieOf.length;
	if (!groups.some((tie) => tie.churned) || !groups.some((tie) => tie.retained)) return null;
	const random = new Random(seed);
	const drawnChurned = new Float64Array(groups.length);
	const drawnRetained = new Float64Array(groups.length);
	const aucs: number[] = [];
	for (let r = 0; r < resamples; r++) {
		drawnChurned.fill(0);
		drawnRetained.fill(0);
		let churnedTotal = 0;
		for (let i = 0; i < n; i++) {
			const k = random.int(0, n - 1);
			if (isChurned[k]) {
				drawnChurned[tieOf[k]!]!++;
				churnedTotal++;
			} else drawnRetained[tieOf[k]!]!++;
		}
		const retainedTotal = n - churnedTotal;
		// A resample without churn (or without retention) has no AUC: it is left out.
		if (churnedTotal === 0 || retainedTotal === 0) continue;
		let below = 0;
		let retainedSoFar = 0;
		for (let g = 0; g < groups.length; g++) {
			const retained = drawnRetained[g]!;
			below += drawnChurned[g]! * (retainedTotal - retainedSoFar - retained / 2);
			retainedSoFar += retained;
		}
		aucs.push(below / (churnedTotal * retainedTotal));
	}
	aucs.sort((a, b) => a - b);
	return { low: percentile(aucs, 0.025), high: percentile(aucs, 0.975) };
}

/** The `q` quantile of ascending `values`, between neighbours. */
function percentile(values: readonly number[], q: number): number {
	const at = q * (values.length - 1);
	const below = Math.floor(at);
	const above = Math.min(below + 1, values.length - 1);
	return values[below]! + (values[above]! - values[below]!) * (at - below);
}

/**
 * The ROC curve, from nothing flagged (0, 0) to everything flagged (1, 1): one point per distinct
 * score, flagging the scores below it; the last point's threshold is Infinity. Its trapezoid area
 * equals `auc`. Empty without at least one churned and one retained account.
 */
export function rocCurve(scores: ArrayLike<number>, churned: ArrayLike<boolean>): RocPoint[] {
	const groups = ties(scores, churned);
	const churnedTotal = groups.reduce((sum, tie) => sum + tie.churned, 0);
	const retainedTotal = groups.reduce((sum, tie) => sum + tie.retained, 0);
	if (churnedTotal === 0 || retainedTotal === 0) return [];
	const points: RocPoint[] = [];
	let tp = 0;
	let fp = 0;
	for (const tie of groups) {
		points.push({ threshold: tie.value, tpr: tp / churnedTotal, fpr: fp / retainedTotal });
		tp += tie.churned;
		fp += tie.retained;
	}
	points.push({ threshold: Number.POSITIVE_INFINITY, tpr: 1, fpr: 1 });
	return points;
}

/**
 * Churn rate of the lowest-scored tenth of the accounts over the churn rate of all of them. A tie
 * across the tenth's edge counts in proportion. Null without any account or any churn.
 */
export function liftLowestDecile(
	scores: ArrayLike<number>,
	churned: ArrayLike<boolean>
): number | null {
	const groups = ties(scores, churned);
	const total = groups.reduce((sum, tie) => sum + tie.churned + tie.retained, 0);
	const churnedTotal = groups.reduce((sum, tie) => sum + tie.churned, 0);
	if (total === 0 || churnedTotal === 0) return null;
	let room = total / 10;
	let churnedIn = 0;
	for (const tie of groups) {
		if (room <= 0) break;
		const size = tie.churned + tie.retained;
		const taken = Math.min(size, room);
		churnedIn += (tie.churned * taken) / size;
		room -= taken;
	}
	return churnedIn / (total / 10) / (churnedTotal / total);
}
