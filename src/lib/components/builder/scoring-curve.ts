/**
 * The value → score curve of a scoring, drawn by the engine's own scoring functions so the chart
 * shows exactly what the engine gives: steps jump at their thresholds, linear points join, and a
 * `logic` rule that reads nothing but the value is evaluated across the range.
 */
import { compileToClosure, varsRead } from '$lib/engine/logic';
import {
	clampScore,
	linearScore,
	scoringScope,
	stepsScore,
	toNumber
} from '$lib/engine/scoring/measure';
import type { Scoring } from '$lib/engine';
import type { MeasureStats } from '$lib/state/preview/types';

export interface CurvePoint {
	x: number;
	y: number;
}

/** Points across the range, besides the thresholds themselves. */
const SAMPLES = 120;

/** The values a scoring names: thresholds and points. */
function namedValues(scoring: Scoring): number[] {
	if (scoring.type === 'steps') return scoring.steps.map((step) => step.min ?? step.max!);
	if (scoring.type === 'linear') return scoring.points.map((point) => point[0]);
	return [];
}

/**
 * The x range to draw: the histogram of the values seen (whole bins) and the values the scoring
 * names, so every bar and every threshold is in sight; a single value gets one unit either side.
 */
export function curveDomain(scoring: Scoring, stats: MeasureStats | null): [number, number] {
	const values = namedValues(scoring);
	const edges = stats?.numbers?.histogram.edges;
	if (edges && edges.length > 0) values.push(edges[0]!, edges.at(-1)!);
	if (values.length === 0) return [0, 100];
	const low = Math.min(...values);
	const high = Math.max(...values);
	return low === high ? [low - 1, high + 1] : [low, high];
}

/** A score function of the value alone, or null when the scoring needs more (a map, or facts). */
export function scoreOfValue(scoring: Scoring): ((x: number) => number) | null {
	switch (scoring.type) {
		case 'steps':
			return (x) => clampScore(stepsScore(scoring, x));
		case 'linear':
			return (x) => clampScore(linearScore(scoring.points, x));
		case 'map':
			return null;
		case 'logic': {
			if (varsRead(scoring.logic).some((name) => name !== 'value')) return null;
			try {
				const rule = compileToClosure(scoring.logic);
				return (x) => {
					const score = toNumber(rule(scoringScope({}, x)));
					return Number.isFinite(score) ? clampScore(score) : NaN;
				};
			} catch {
				return null;
			}
		}
	}
}

/**
 * The curve over `domain`: evenly spaced samples plus each threshold and a hair either side of it,
 * so a step shows as a vertical jump exactly where the engine switches. Null when the score does
 * not depend on the value alone.
 */
export function scoringCurve(scoring: Scoring, domain: [number, number]): CurvePoint[] | null {
	const score = scoreOfValue(scoring);
	if (!score) return null;
	const [low, high] = domain;
	const hair = (high - low) * 1e-6;
	const xs = new Set<number>();
	for (let i = 0; i <= SAMPLES; i++) xs.add(low + ((high - low) * i) / SAMPLES);
	for (const x of namedValues(scoring)) {
		if (x < low || x > high) continue;
		xs.add(x - hair)
			.add(x)
			.add(x + hair);
	}
	return [...xs]
		.sort((a, b) => a - b)
		.map((x) => ({ x, y: score(x) }))
		.filter((point) => !Number.isNaN(point.y));
}
