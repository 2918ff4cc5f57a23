/**
 * How a measure's raw value becomes points. One definition, used by the closure-compiled scorer
 * and the reference tests; the generated scorer inlines the same arithmetic in the same order.
 */
import type { Band, Facts, Scoring } from '../types';

/** A value counts as data unless it is null, undefined, NaN or infinite (e.g. a division by zero). */
export function isPresent(value: unknown): boolean {
	return (
		value !== null && value !== undefined && (typeof value !== 'number' || Number.isFinite(value))
	);
}

/** The number a steps or linear scoring reads: booleans count 0/1, numeric text counts; else NaN. */
export function toNumber(value: unknown): number {
	if (typeof value === 'number') return value;
	if (typeof value === 'boolean') return value ? 1 : 0;
	if (typeof value === 'string' && value.trim() !== '') return Number(value);
	return NaN;
}

export function clampScore(score: number): number {
	return score < 0 ? 0 : score > 100 ? 100 : score;
}

/** The first step whose `min` (value >= min) or `max` (value <= max) holds; `else` (0) otherwise. */
export function stepsScore(scoring: Extract<Scoring, { type: 'steps' }>, x: number): number {
	for (const step of scoring.steps) {
		if (step.min !== undefined ? x >= step.min : x <= step.max!) return step.score;
	}
	return scoring.else ?? 0;
}

/** Piecewise-linear between `[value, score]` points, flat beyond the first and the last. */
export function linearScore(points: readonly (readonly [number, number])[], x: number): number {
	const first = points[0]!;
	if (x <= first[0]) return first[1];
	for (let i = 1; i < points.length; i++) {
		const [x1, y1] = points[i]!;
		if (x <= x1) {
			const [x0, y0] = points[i - 1]!;
			return y0 + ((x - x0) * (y1 - y0)) / (x1 - x0);
		}
	}
	return points[points.length - 1]![1];
}

/** The score listed for the value's text (`true`, `false`, a category), `else` (0) otherwise. */
export function mapScore(scoring: Extract<Scoring, { type: 'map' }>, value: unknown): number {
	const key = String(value);
	return Object.hasOwn(scoring.map, key) ? scoring.map[key]! : (scoring.else ?? 0);
}

/** What a `logic` scoring rule reads: the facts, with `value` set to the measure's raw value. */
export function scoringScope(facts: Facts, value: unknown): Facts {
	const scope = Object.create(facts) as Facts;
	scope.value = value;
	return scope;
}

export const DEFAULT_BANDS: readonly Band[] = [
	{ name: 'Red', min: 0, color: '#c62828' },
	{ name: 'Orange', min: 40, color: '#ef6c00' },
	{ name: 'Yellow', min: 60, color: '#f9a825' },
	{ name: 'Green', min: 80, color: '#2e7d32' }
];

/** Shown instead of a band when no measure of the scorecard had data. */
export const NO_DATA = 'No data';

/** Bands from the highest threshold down, the order in which an overall score is matched. */
export function bandsFromTop(bands: readonly Band[] | undefined): Band[] {
	return [...(bands ?? DEFAULT_BANDS)].sort((a, b) => b.min - a.min);
}

/** The highest band whose `min` <= overall; a score under every threshold gets the lowest band. */
export function bandFor(overall: number, fromTop: readonly Band[]): string {
	for (const band of fromTop) if (overall >= band.min) return band.name;
	return fromTop[fromTop.length - 1]!.name;
}
