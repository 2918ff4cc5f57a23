/**
 * Ranking figures of a score against churn. Convention: a LOW score predicts churn, and an
 * account is flagged at a threshold when its score is below it. NaN scores are left out.
 */
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

/** The trapezoid area under ROC points (for checking `auc`). */
export function areaUnder(points: readonly RocPoint[]): number {
	let area = 0;
	for (let i = 1; i < points.length; i++) {
		const a = points[i - 1]!;
		const b = points[i]!;
		area += ((b.fpr - a.fpr) * (a.tpr + b.tpr)) / 2;
	}
	return area;
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
