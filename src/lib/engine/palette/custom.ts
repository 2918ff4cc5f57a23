/**
 * Custom measures: any metric the data has, scored from the values seen, or any JSON-logic
 * expression the user types (checked before it is used).
 */
import { checkLogic, type Logic, type LogicProblem } from '../logic';
import { problem, type Problem } from '../problems';
import type { Measure, Scoring } from '../types';
import { keyFrom } from './ids';

/**
 * A default scoring for values like `observed`: yes/no as a map, categories each 50 (to be set),
 * numbers as a line from the lowest value seen (0) to the 90th percentile (100), so a fresh
 * measure spreads the accounts rather than giving all of them 100.
 */
export function defaultScoring(observed: readonly unknown[]): Scoring {
	const present = observed.filter((value) => value !== null && value !== undefined);
	if (present.length > 0 && present.every((value) => typeof value === 'boolean'))
		return { type: 'map', map: { true: 100, false: 0 }, else: 0 };
	const numbers = present.filter(
		(value): value is number => typeof value === 'number' && Number.isFinite(value)
	);
	if (numbers.length === 0 && present.length > 0) {
		const categories = [...new Set(present.map(String))].sort().slice(0, 20);
		return { type: 'map', map: Object.fromEntries(categories.map((c) => [c, 50])), else: 0 };
	}
	const sorted = [...numbers].sort((a, b) => a - b);
	const low = sorted[0] ?? 0;
	const high = sorted[Math.floor((sorted.length - 1) * 0.9)] ?? 1;
	return {
		type: 'linear',
		points: [
			[low, 0],
			[high > low ? high : low + 1, 100]
		]
	};
}

/** A measure reading one metric (or fact) as it is. */
export function metricMeasure(metric: string, observed: readonly unknown[] = []): Measure {
	return {
		id: keyFrom(metric),
		name: metric.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase()),
		weight: 1,
		value: { var: metric },
		scoring: defaultScoring(observed)
	};
}

export type ExpressionCheck =
	{ ok: true; value: Logic } | { ok: false; problems: (LogicProblem | Problem)[] };

/** Reads a JSON-logic expression typed as text: JSON first, then its operators. */
export function parseExpression(text: string): ExpressionCheck {
	let value: Logic;
	try {
		value = JSON.parse(text) as Logic;
	} catch (error) {
		return { ok: false, problems: [problem('not_json', { detail: (error as Error).message })] };
	}
	const problems = checkLogic(value);
	return problems.length ? { ok: false, problems } : { ok: true, value };
}

/** A measure from a typed expression; scored 0–100 linearly until the user sets its scoring. */
export function expressionMeasure(name: string, value: Logic): Measure {
	return {
		id: keyFrom(name),
		name,
		weight: 1,
		value,
		scoring: {
			type: 'linear',
			points: [
				[0, 0],
				[100, 100]
			]
		}
	};
}
