/**
 * The measure editor's edits as pure functions: each takes a measure (or its scoring) and returns a
 * new one, never changing what it was given, so the builder's undo history can keep every version.
 */
import type { Logic, Measure, MissingPolicy, Scoring } from '$lib/engine';
import type { MeasureStats } from '$lib/state/preview/types';

export type ScoringType = Scoring['type'];
export type Steps = Extract<Scoring, { type: 'steps' }>;
export type Step = Steps['steps'][number];
export type Linear = Extract<Scoring, { type: 'linear' }>;
export type MapScoring = Extract<Scoring, { type: 'map' }>;
export type Point = [number, number];

export const SCORING_TYPES: readonly ScoringType[] = ['steps', 'linear', 'map', 'logic'];

/** The default days a manual entry stays valid: a monthly review, with a week's grace. */
export const DEFAULT_VALIDITY_DAYS = 35;
export const DEFAULT_DECAY_PERIODS = 6;

/** A number rounded to what a person would type (4 significant digits). */
export function tidy(value: number): number {
	return Number.isFinite(value) ? Number(value.toPrecision(4)) : 0;
}

/** The range of the values seen, or 0–100 when none were. */
function rangeOf(stats: MeasureStats | null): [number, number] {
	const numbers = stats?.numbers;
	if (!numbers || numbers.min === numbers.max) return [0, 100];
	return [numbers.min, numbers.max];
}

/**
 * A scoring of `type` for a measure scored by `from` now: steps and linear points convert into each
 * other; anything else starts from the values seen (their range, or their categories).
 */
export function scoringOfType(
	type: ScoringType,
	from: Scoring,
	stats: MeasureStats | null
): Scoring {
	const [low, high] = rangeOf(stats);
	switch (type) {
		case 'steps': {
			if (from.type === 'linear' && from.points.length > 1) {
				const points = [...from.points].reverse();
				return {
					type: 'steps',
					steps: points.slice(0, -1).map(([x, score]) => ({ min: x, score })),
					else: points.at(-1)![1]
				};
			}
			const at = (share: number) => tidy(low + share * (high - low));
			return {
				type: 'steps',
				steps: [
					{ min: at(0.75), score: 100 },
					{ min: at(0.5), score: 60 }
				],
				else: 20
			};
		}
		case 'linear': {
			if (from.type === 'steps') {
				const points = from.steps
					.filter((step) => step.min !== undefined)
					.map((step): Point => [step.min!, step.score])
					.sort((a, b) => a[0] - b[0])
					.filter((point, i, list) => i === 0 || point[0] > list[i - 1]![0]);
				if (points.length > 1) return { type: 'linear', points };
			}
			return {
				type: 'linear',
				points: [
					[tidy(low), 0],
					[tidy(high), 100]
				]
			};
		}
		case 'map': {
			const seen = stats?.texts.slice(0, 20).map((text) => text.value) ?? [];
			const keys = seen.length ? seen : ['true', 'false'];
			return {
				type: 'map',
				map: Object.fromEntries(
					keys.map((key) => [key, key === 'false' ? 0 : key === 'true' ? 100 : 50])
				),
				else: 0
			};
		}
		case 'logic':
			// The value itself as the score: the simplest rule to start editing from.
			return { type: 'logic', logic: { var: 'value' } };
	}
}

export function withScoring(measure: Measure, scoring: Scoring): Measure {
	return { ...measure, scoring };
}

// Steps

export function updateStep(scoring: Steps, index: number, step: Step): Steps {
	return { ...scoring, steps: scoring.steps.map((old, i) => (i === index ? step : old)) };
}

/** A step's threshold kept, its comparison switched: `min` (value ≥) or `max` (value ≤). */
export function stepWithBound(step: Step, bound: 'min' | 'max'): Step {
	const threshold = step.min ?? step.max ?? 0;
	return bound === 'min'
		? { min: threshold, score: step.score }
		: { max: threshold, score: step.score };
}

/**
 * A new last step, below the last threshold (above it for `max` steps) by the gap between the last
 * two, or a quarter of the values' range, scored halfway between the last step and the else score.
 */
export function addStep(scoring: Steps, stats: MeasureStats | null): Steps {
	const thresholds = scoring.steps.map((step) => step.min ?? step.max!);
	const last = scoring.steps.at(-1);
	const [low, high] = rangeOf(stats);
	const gap =
		thresholds.length >= 2
			? Math.abs(thresholds.at(-1)! - thresholds.at(-2)!) || 1
			: stats?.numbers
				? (high - low) / 4
				: Math.abs(thresholds[0] ?? 0) / 2 || 1;
	const score = Math.round(((last?.score ?? 100) + (scoring.else ?? 0)) / 2);
	const step: Step =
		last === undefined
			? { min: tidy((low + high) / 2), score: 100 }
			: last.max !== undefined
				? { max: tidy(last.max + gap), score }
				: { min: tidy(last.min! - gap), score };
	return { ...scoring, steps: [...scoring.steps, step] };
}

export function removeAt<T>(list: readonly T[], index: number): T[] {
	return list.filter((_, i) => i !== index);
}

/** The list with the item at `index` moved by `delta` places (steps are tried in order). */
export function moveAt<T>(list: readonly T[], index: number, delta: number): T[] {
	const to = index + delta;
	if (to < 0 || to >= list.length) return [...list];
	const moved = [...list];
	const [item] = moved.splice(index, 1);
	moved.splice(to, 0, item!);
	return moved;
}

// Linear points

export function isIncreasing(points: readonly (readonly [number, number])[]): boolean {
	return points.every((point, i) => i === 0 || point[0] > points[i - 1]![0]);
}

/** A point after the last one, as far beyond it as the last two are apart (or 1), at score 100. */
export function addPoint(points: readonly Point[]): Point[] {
	const last = points.at(-1) ?? [0, 0];
	const before = points.at(-2);
	const gap = before ? last[0] - before[0] : 1;
	return [...points, [tidy(last[0] + gap), 100]];
}

// Map entries

/** The map with one entry renamed or rescored in place (entries keep their order). */
export function setEntry(
	map: MapScoring['map'],
	key: string,
	newKey: string,
	score: number
): MapScoring['map'] {
	return Object.fromEntries(
		Object.entries(map).map(([k, v]) => (k === key ? [newKey, score] : [k, v]))
	);
}

export function withoutEntry(map: MapScoring['map'], key: string): MapScoring['map'] {
	return Object.fromEntries(Object.entries(map).filter(([k]) => k !== key));
}

/** A key not yet in the map: `value`, `value 2`, … */
export function freshKey(map: MapScoring['map'], base = 'value'): string {
	if (!Object.hasOwn(map, base)) return base;
	let n = 2;
	while (Object.hasOwn(map, `${base} ${n}`)) n++;
	return `${base} ${n}`;
}

// Where the value comes from, and what happens without one

export function withMissing(measure: Measure, missing: MissingPolicy): Measure {
	if (missing.policy === 'leave_out') {
		const { missing: _gone, ...rest } = measure;
		return rest;
	}
	return { ...measure, missing };
}

/** The value a manual measure reads: the latest entry for the account. */
export function manualValue(measureId: string): Logic {
	return { var: `manual.${measureId}` };
}

/**
 * Turns a measure manual (its value becomes the latest entry) or back (its value becomes
 * `previous`, what it read before, or the fact named like it).
 */
export function withManual(
	measure: Measure,
	validityDays: number | null,
	previous?: Logic
): Measure {
	const { manual: _manual, ...rest } = measure;
	if (validityDays === null) return { ...rest, value: previous ?? { var: measure.id } };
	return { ...rest, value: manualValue(measure.id), manual: { validity_days: validityDays } };
}

export function withDecay(measure: Measure, periods: number | null): Measure {
	const { decay: _decay, ...rest } = measure;
	return periods === null ? rest : { ...rest, decay: { periods } };
}
