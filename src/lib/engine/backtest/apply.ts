/**
 * The backtest's suggestions applied to a scorecard, for a draft: pure functions that return a
 * new scorecard and leave the one given untouched. Publishing stays a person's decision.
 */
import type { Group, Scorecard } from '../types';
import { percents } from './fit-weights';
import type { FactSuggestion, ProposedWeights } from './types';

/**
 * The proposed weights on `base` (the published scorecard, or its draft), matched by id: each
 * group's percent share, each measure's percent within its group. Groups and measures the proposal
 * does not know (added in a draft since) keep their weights.
 */
export function applyWeights(base: Scorecard, proposal: ProposedWeights): Scorecard {
	const groupWeights = new Map(proposal.groups.map((group) => [group.id, group.weight]));
	const measureWeights = new Map(
		proposal.measures.map((measure) => [`${measure.groupId}/${measure.id}`, measure.weight])
	);
	return {
		...structuredClone(base),
		groups: base.groups.map((group) => ({
			...structuredClone(group),
			weight: groupWeights.get(group.id) ?? group.weight,
			measures: group.measures.map((measure) => ({
				...structuredClone(measure),
				weight: measureWeights.get(`${group.id}/${measure.id}`) ?? measure.weight
			}))
		}))
	};
}

/**
 * `base` with the suggested fact as a measure in a group of its own, carrying the suggested share
 * of the overall; the other groups keep their proportions, and all group weights become whole
 * percents. Adding the same fact again replaces its group.
 */
export function addFactMeasure(base: Scorecard, suggestion: FactSuggestion): Scorecard {
	const groupId = suggestion.measure.id;
	const kept = base.groups.filter((group) => group.id !== groupId);
	const taken = new Set(kept.flatMap((group) => group.measures.map((measure) => measure.id)));
	let measureId = suggestion.measure.id;
	for (let n = 2; taken.has(measureId); n++) measureId = `${suggestion.measure.id}_${n}`;
	const total = kept.reduce((sum, group) => sum + (group.weight ?? 1), 0);
	const weights = percents([
		...kept.map((group) => (group.weight ?? 1) * (1 - suggestion.share)),
		total * suggestion.share
	]);
	const added: Group = {
		id: groupId,
		name: suggestion.measure.name,
		weight: weights[kept.length]!,
		measures: [{ ...structuredClone(suggestion.measure), id: measureId, weight: 1 }]
	};
	return {
		...structuredClone(base),
		groups: [...kept.map((group, g) => ({ ...structuredClone(group), weight: weights[g]! })), added]
	};
}
