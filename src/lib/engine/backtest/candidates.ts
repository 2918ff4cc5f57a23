/**
 * The facts discovery may turn into measures: their kinds, how well each ranks the events alone,
 * which merely copy another, and the measure a fitted fact becomes (scorings: `discover-levels`).
 */
import { isPresent, mapScore, stepsScore, toNumber } from '../scoring/measure';
import type { Facts, Measure, Scoring } from '../types';
import { auc } from './auc';

export type FactKind = 'number' | 'boolean' | 'category';

/** More distinct texts than this, or fewer than 10 accounts a text on average: an identifier. */
const MAX_CATEGORIES = 20;
/** |correlation| from which two numbers count as copies of each other. */
const COPY_CORRELATION = 0.98;

/** A fitted scoring, with the score of a missing value (a level of its own). */
export interface FittedScoring {
	scoring: Extract<Scoring, { type: 'steps' } | { type: 'map' }>;
	missingScore: number;
	/** For numbers, which way the rate moves (isotonic, so never both). */
	direction?: 'lower-churns' | 'higher-churns';
}

/** A number as the engine's steps read it (numeric text counts), NaN when missing or not one. */
export function numberOf(value: unknown): number {
	return isPresent(value) ? toNumber(value) : NaN;
}

/** The score of a raw value, exactly as the engine scores the measure built from it. */
export function scoreWith(fitted: FittedScoring, value: unknown): number {
	if (fitted.scoring.type === 'steps') {
		const x = numberOf(value);
		return Number.isNaN(x) ? fitted.missingScore : stepsScore(fitted.scoring, x);
	}
	return isPresent(value) ? mapScore(fitted.scoring, value) : fitted.missingScore;
}

/**
 * The kind of a fact from its present values, or null for lists, objects, mixtures, identifiers
 * and constants. Numeric text (as a CSV export leaves it, blanks for missing) counts as a number.
 */
export function kindOf(values: readonly unknown[]): FactKind | null {
	const present = values.filter(
		(value) => isPresent(value) && !(typeof value === 'string' && value.trim() === '')
	);
	if (new Set(present).size < 2) return null;
	if (present.every((value) => typeof value === 'boolean')) return 'boolean';
	if (present.every((value) => typeof value === 'number' || typeof value === 'string')) {
		if (present.every((value) => !Number.isNaN(toNumber(value)))) return 'number';
		if (present.every((value) => typeof value === 'string')) {
			const distinct = new Set(present).size;
			return distinct <= MAX_CATEGORIES && distinct * 10 <= present.length ? 'category' : null;
		}
	}
	return null;
}

/** The candidate facts of some observations: names in sorted order, each with its kind. */
export function candidateFacts(
	facts: readonly Facts[],
	exclude: ReadonlySet<string>
): { fact: string; kind: FactKind }[] {
	const names = new Set<string>();
	for (const one of facts) for (const name in one) names.add(name);
	const found: { fact: string; kind: FactKind }[] = [];
	for (const fact of [...names].sort()) {
		// A `var` reads "a.b" as a path, so a name with a dot could not be read back by a measure.
		if (exclude.has(fact) || fact.includes('.')) continue;
		const kind = kindOf(facts.map((one) => one[fact]));
		if (kind) found.push({ fact, kind });
	}
	return found;
}

/**
 * How well a fact ranks the events alone, either way round, for the order in which facts are
 * offered: a number by its value, a category by its values' event rates.
 */
export function ownAuc(kind: FactKind, values: readonly unknown[], events: boolean[]): number {
	let scores: number[];
	if (kind === 'category') {
		const rates = new Map<string, { total: number; events: number }>();
		values.forEach((value, i) => {
			const key = String(value);
			const rate = rates.get(key) ?? { total: 0, events: 0 };
			rates.set(key, { total: rate.total + 1, events: rate.events + (events[i] ? 1 : 0) });
		});
		scores = values.map((value) => {
			const rate = rates.get(String(value))!;
			return isPresent(value) ? rate.events / rate.total : NaN;
		});
	} else scores = values.map(numberOf);
	const value = auc(scores, events) ?? 0.5;
	return Math.max(value, 1 - value);
}

function ranks(values: readonly number[]): number[] {
	const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]!);
	const result = new Array<number>(values.length);
	for (let start = 0; start < order.length;) {
		let end = start;
		while (end + 1 < order.length && values[order[end + 1]!] === values[order[start]!]) end++;
		for (let k = start; k <= end; k++) result[order[k]!] = (start + end) / 2;
		start = end + 1;
	}
	return result;
}

function correlation(a: readonly number[], b: readonly number[]): number {
	const n = a.length;
	const meanA = a.reduce((sum, x) => sum + x, 0) / n;
	const meanB = b.reduce((sum, x) => sum + x, 0) / n;
	let ab = 0;
	let aa = 0;
	let bb = 0;
	for (let i = 0; i < n; i++) {
		ab += (a[i]! - meanA) * (b[i]! - meanB);
		aa += (a[i]! - meanA) ** 2;
		bb += (b[i]! - meanB) ** 2;
	}
	return aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : 0;
}

/** Each value of one goes with a single value of the other and back: the same partition. */
function samePartition(a: readonly string[], b: readonly string[]): boolean {
	const forward = new Map<string, string>();
	const backward = new Map<string, string>();
	for (let i = 0; i < a.length; i++) {
		if ((forward.get(a[i]!) ?? b[i]) !== b[i] || (backward.get(b[i]!) ?? a[i]) !== a[i])
			return false;
		forward.set(a[i]!, b[i]!);
		backward.set(b[i]!, a[i]!);
	}
	return forward.size <= MAX_CATEGORIES;
}

/**
 * Whether two facts carry the same information: present on the same accounts (95 % either way)
 * and there |correlation| ≥ 0.98, identical ranks (a monotone transform, `arr` and its log), or,
 * for categories, the same partition of the accounts (a plan and the features it includes).
 */
export function copies(
	a: { kind: FactKind; values: readonly unknown[] },
	b: { kind: FactKind; values: readonly unknown[] }
): boolean {
	const usable = (kind: FactKind, value: unknown) =>
		kind === 'category' ? isPresent(value) : !Number.isNaN(numberOf(value));
	const both: number[] = [];
	let onlyA = 0;
	let onlyB = 0;
	a.values.forEach((value, i) => {
		const inA = usable(a.kind, value);
		const inB = usable(b.kind, b.values[i]);
		if (inA && inB) both.push(i);
		else if (inA) onlyA++;
		else if (inB) onlyB++;
	});
	if (
		both.length < 2 ||
		onlyA > 0.05 * (both.length + onlyA) ||
		onlyB > 0.05 * (both.length + onlyB)
	)
		return false;
	if (a.kind !== 'category' && b.kind !== 'category') {
		const x = both.map((i) => numberOf(a.values[i]));
		const y = both.map((i) => numberOf(b.values[i]));
		if (Math.abs(correlation(x, y)) >= COPY_CORRELATION) return true;
		if (Math.abs(correlation(ranks(x), ranks(y))) >= 1 - 1e-9) return true;
	}
	return samePartition(
		both.map((i) => String(a.values[i])),
		both.map((i) => String(b.values[i]))
	);
}

/** `MonthlyCharges` or `invoices_late` → "Monthly charges", "Invoices late". */
export function readableName(fact: string): string {
	const words = fact
		.replace(/([a-z0-9])([A-Z])/g, '$1 $2')
		.replace(/[_.-]+/g, ' ')
		.trim()
		.toLowerCase();
	return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A measure or group id from a fact name, not among `taken` (which it joins). */
export function freshId(name: string, taken: Set<string>): string {
	let base = name.replace(/[^A-Za-z0-9_-]/g, '_');
	if (!/^[A-Za-z_]/.test(base)) base = `_${base}`;
	if (['__proto__', 'constructor', 'prototype'].includes(base)) base = `${base}_`;
	let id = base;
	for (let n = 2; taken.has(id); n++) id = `${base}_${n}`;
	taken.add(id);
	return id;
}

/** The measure a fitted fact becomes: its value read as is, its missing values scored explicitly. */
export function factMeasure(
	fact: string,
	id: string,
	fitted: FittedScoring,
	description: string
): Measure {
	return {
		id,
		name: readableName(fact),
		description,
		weight: 1,
		value: { var: fact },
		scoring: fitted.scoring,
		missing: { policy: 'score', score: fitted.missingScore }
	};
}
