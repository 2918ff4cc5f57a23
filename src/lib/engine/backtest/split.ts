/** The seeded split of accounts into a training part and a held-out part. */
import { Random } from '../random';

/** The ids that churned at least once, then the others, each in sorted order. */
function strata(all: ReadonlySet<string>, everChurned: ReadonlySet<string>): string[][] {
	return [[...everChurned].sort(), [...all].filter((id) => !everChurned.has(id)).sort()];
}

/** Fisher–Yates with the seeded generator, in place. */
function shuffle(ids: string[], random: Random): void {
	for (let i = ids.length - 1; i > 0; i--) {
		const j = random.int(0, i);
		[ids[i], ids[j]] = [ids[j]!, ids[i]!];
	}
}

/**
 * The ids of the training accounts: `trainShare` of the accounts that churned at least once and
 * the same share of the others (stratified, so both parts see churn), drawn with a seeded
 * shuffle of the ids in sorted order. The same accounts and seed give the same split anywhere.
 */
export function trainingAccounts(
	outcomes: readonly { accountId: string; churned: boolean }[],
	seed: number,
	trainShare = 0.7
): Set<string> {
	const everChurned = new Set<string>();
	const all = new Set<string>();
	for (const outcome of outcomes) {
		all.add(outcome.accountId);
		if (outcome.churned) everChurned.add(outcome.accountId);
	}
	const random = new Random(seed);
	const train = new Set<string>();
	for (const ids of strata(all, everChurned)) {
		shuffle(ids, random);
		const count = Math.round(ids.length * trainShare);
		for (let i = 0; i < count; i++) train.add(ids[i]!);
	}
	return train;
}

/** Splits observations by account into the training and the held-out part. */
export function splitObservations<T extends { accountId: string }>(
	observations: readonly T[],
	train: ReadonlySet<string>
): { training: T[]; heldOut: T[] } {
	const training: T[] = [];
	const heldOut: T[] = [];
	for (const observation of observations)
		(train.has(observation.accountId) ? training : heldOut).push(observation);
	return { training, heldOut };
}

/**
 * `count` folds of observations for cross-validation, by account (all of an account's outcomes in
 * one fold), the accounts that churned dealt out apart from the others so every fold sees churn.
 */
export function folds<T extends { accountId: string; churned: boolean }>(
	observations: readonly T[],
	count: number,
	seed: number
): T[][] {
	const everChurned = new Set<string>();
	const all = new Set<string>();
	for (const observation of observations) {
		all.add(observation.accountId);
		if (observation.churned) everChurned.add(observation.accountId);
	}
	const random = new Random(seed);
	const foldOf = new Map<string, number>();
	let next = 0;
	for (const ids of strata(all, everChurned)) {
		shuffle(ids, random);
		for (const id of ids) foldOf.set(id, next++ % count);
	}
	const result: T[][] = Array.from({ length: count }, () => []);
	for (const observation of observations)
		result[foldOf.get(observation.accountId)!]!.push(observation);
	return result;
}
