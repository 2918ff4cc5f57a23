/**
 * A measure's scoring as plain JSON-logic over `value`: steps, linear points and maps are
 * shorthand for these rules, which any JSON-logic engine can evaluate and which give exactly the
 * points `stepsScore`, `linearScore` and `mapScore` give (before clamping to 0–100).
 *
 * `value` is the raw value as a number for steps and linear (see `toNumber`), and as text for a map.
 */
import type { Logic } from '../logic';
import type { Facts, Scoring } from '../types';
import { scoringScope, toNumber } from './measure';

const VALUE = { var: 'value' };

export function scoringAsLogic(scoring: Scoring): Logic {
	switch (scoring.type) {
		case 'steps':
			return {
				if: [
					...scoring.steps.flatMap((step): Logic[] => [
						step.min !== undefined ? { '>=': [VALUE, step.min] } : { '<=': [VALUE, step.max!] },
						step.score
					]),
					scoring.else ?? 0
				]
			};
		case 'linear': {
			const points = scoring.points;
			const branches: Logic[] = [{ '<=': [VALUE, points[0]![0]] }, points[0]![1]];
			for (let i = 1; i < points.length; i++) {
				const [x0, y0] = points[i - 1]!;
				const [x1, y1] = points[i]!;
				branches.push(
					{ '<=': [VALUE, x1] },
					{
						'+': [
							y0,
							{ '/': [{ '*': [{ '-': [VALUE, x0] }, { '-': [y1, y0] }] }, { '-': [x1, x0] }] }
						]
					}
				);
			}
			return { if: [...branches, points[points.length - 1]![1]] };
		}
		case 'map':
			return {
				if: [
					...Object.entries(scoring.map).flatMap(([key, score]): Logic[] => [
						{ '===': [VALUE, key] },
						score
					]),
					scoring.else ?? 0
				]
			};
		case 'logic':
			return scoring.logic;
	}
}

/** The data the rule of `scoringAsLogic` reads for a present raw value. */
export function scoringData(scoring: Scoring, raw: unknown, facts: Facts): Facts {
	switch (scoring.type) {
		case 'steps':
		case 'linear':
			return { value: toNumber(raw) };
		case 'map':
			return { value: String(raw) };
		case 'logic':
			return scoringScope(facts, raw);
	}
}
