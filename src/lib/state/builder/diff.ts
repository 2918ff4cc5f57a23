/**
 * What changed between two versions of a scorecard, as a list of changes a person can read (see
 * `diff-text.ts` for the wording). Groups and measures are matched by id, so a rename reads as a
 * rename and a move between groups as a move, not as a removal and an addition; a group or measure
 * standing where one of the other version stood, under an id neither had, reads as an id change
 * (which plays reading the old id notice).
 */
import {
	DEFAULT_BANDS,
	type Band,
	type Group,
	type Logic,
	type Measure,
	type Scorecard
} from '$lib/engine';
import { weightOf } from './shares';

type Step = { min?: number; max?: number; score: number };

export type Change =
	| { kind: 'name'; from: string; to: string }
	| { kind: 'description'; from?: string; to?: string }
	| { kind: 'priority'; from?: number; to?: number }
	| { kind: 'appliesTo'; from?: Logic; to?: Logic }
	| { kind: 'bandAdded'; band: Band }
	| { kind: 'bandRemoved'; band: Band }
	| { kind: 'bandRenamed'; from: string; to: string }
	| { kind: 'bandMin'; band: string; from: number; to: number }
	| { kind: 'bandColor'; band: string; from?: string; to?: string }
	| { kind: 'groupAdded'; group: string }
	| { kind: 'groupRemoved'; group: string }
	| { kind: 'groupRenamed'; from: string; to: string }
	| { kind: 'groupId'; group: string; from: string; to: string }
	| { kind: 'groupWeight'; group: string; from: number; to: number }
	| { kind: 'groupsReordered'; order: string[] }
	| { kind: 'measureAdded'; measure: string; group: string }
	| { kind: 'measureRemoved'; measure: string; group: string }
	| { kind: 'measureMoved'; measure: string; from: string; to: string }
	| { kind: 'measuresReordered'; group: string; order: string[] }
	| { kind: 'measureRenamed'; from: string; to: string }
	| { kind: 'measureId'; measure: string; from: string; to: string }
	| { kind: 'measureWeight'; measure: string; from: number; to: number }
	| { kind: 'measureValue'; measure: string; from: Logic; to: Logic }
	| { kind: 'scoringType'; measure: string; from: string; to: string }
	| { kind: 'stepChanged'; measure: string; from: Step; to: Step }
	| { kind: 'stepAdded'; measure: string; step: Step }
	| { kind: 'stepRemoved'; measure: string; step: Step }
	| { kind: 'scoringElse'; measure: string; from?: number; to?: number }
	| { kind: 'scoringDetail'; measure: string; from: unknown; to: unknown }
	| {
			kind: 'measureOption';
			measure: string;
			option: 'description' | 'missing' | 'manual' | 'decay';
			from: unknown;
			to: unknown;
	  };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function diffScorecards(before: Scorecard, after: Scorecard): Change[] {
	const changes: Change[] = [];
	if (before.name !== after.name) changes.push({ kind: 'name', from: before.name, to: after.name });
	if ((before.description ?? '') !== (after.description ?? ''))
		changes.push({ kind: 'description', from: before.description, to: after.description });
	if (before.priority !== after.priority)
		changes.push({ kind: 'priority', from: before.priority, to: after.priority });
	if (!same(before.applies_to, after.applies_to))
		changes.push({ kind: 'appliesTo', from: before.applies_to, to: after.applies_to });
	changes.push(...diffBands(before.bands ?? [...DEFAULT_BANDS], after.bands ?? [...DEFAULT_BANDS]));
	const { groups, ids } = withFormerIds(before.groups, after.groups);
	changes.push(...ids, ...diffGroups(before.groups, groups));
	return changes;
}

/**
 * `after`'s groups with the ids changed in place put back, so the rest of the diff matches them;
 * and those id changes. A group changed its id when it stands where a group of `before` stood,
 * neither id is in the other version, and they share their name or a measure; a measure, when it
 * stands at the same place of the same group, neither id is in the other version, and they share
 * their name or their value.
 */
function withFormerIds(
	before: readonly Group[],
	after: readonly Group[]
): { groups: Group[]; ids: Change[] } {
	const ids: Change[] = [];
	const beforeIds = new Set(before.map((group) => group.id));
	const afterIds = new Set(after.map((group) => group.id));
	const beforeMeasures = new Set(before.flatMap((group) => group.measures.map((m) => m.id)));
	const afterMeasures = new Set(after.flatMap((group) => group.measures.map((m) => m.id)));
	const groups = after.map((group, g) => {
		const old = before[g];
		let id = group.id;
		const akin =
			old !== undefined &&
			(old.name === group.name ||
				old.measures.some((m) => group.measures.some((other) => other.id === m.id)));
		if (old && akin && !afterIds.has(old.id) && !beforeIds.has(group.id)) {
			ids.push({ kind: 'groupId', group: group.name, from: old.id, to: group.id });
			id = old.id;
		}
		const oldGroup = before.find((candidate) => candidate.id === id);
		const measures = group.measures.map((measure, m) => {
			const was = oldGroup?.measures[m];
			if (!was || afterMeasures.has(was.id) || beforeMeasures.has(measure.id)) return measure;
			if (was.name !== measure.name && !same(was.value, measure.value)) return measure;
			ids.push({ kind: 'measureId', measure: measure.name, from: was.id, to: measure.id });
			return { ...measure, id: was.id };
		});
		return { ...group, id, measures };
	});
	return { groups, ids };
}

function diffBands(before: readonly Band[], after: readonly Band[]): Change[] {
	const changes: Change[] = [];
	const byMin = (list: readonly Band[]) => [...list].sort((a, b) => a.min - b.min);
	const removed = byMin(before.filter((band) => !after.some((b) => b.name === band.name)));
	const added = byMin(after.filter((band) => !before.some((b) => b.name === band.name)));
	// A band gone and a band new in the same place read as a rename.
	const pairs: [Band, Band][] = [];
	while (removed.length && added.length) pairs.push([removed.shift()!, added.shift()!]);
	for (const [from, to] of pairs)
		changes.push({ kind: 'bandRenamed', from: from.name, to: to.name });
	const matched: [Band, Band][] = [
		...before.flatMap((band) => {
			const other = after.find((b) => b.name === band.name);
			return other ? [[band, other] as [Band, Band]] : [];
		}),
		...pairs
	];
	for (const [from, to] of matched) {
		if (from.min !== to.min)
			changes.push({ kind: 'bandMin', band: to.name, from: from.min, to: to.min });
		if (from.color !== to.color)
			changes.push({ kind: 'bandColor', band: to.name, from: from.color, to: to.color });
	}
	for (const band of removed) changes.push({ kind: 'bandRemoved', band });
	for (const band of added) changes.push({ kind: 'bandAdded', band });
	return changes;
}

function diffGroups(before: readonly Group[], after: readonly Group[]): Change[] {
	const changes: Change[] = [];
	const beforeIds = new Set(before.map((group) => group.id));
	const afterIds = new Set(after.map((group) => group.id));
	for (const group of after)
		if (!beforeIds.has(group.id)) changes.push({ kind: 'groupAdded', group: group.name });
	for (const group of before)
		if (!afterIds.has(group.id)) changes.push({ kind: 'groupRemoved', group: group.name });
	for (const group of after) {
		const old = before.find((g) => g.id === group.id);
		if (!old) continue;
		if (old.name !== group.name)
			changes.push({ kind: 'groupRenamed', from: old.name, to: group.name });
		if (weightOf(old) !== weightOf(group))
			changes.push({
				kind: 'groupWeight',
				group: group.name,
				from: weightOf(old),
				to: weightOf(group)
			});
	}
	const kept = (list: readonly Group[], ids: Set<string>) =>
		list.filter((group) => ids.has(group.id)).map((group) => group.id);
	if (!same(kept(before, afterIds), kept(after, beforeIds)))
		changes.push({ kind: 'groupsReordered', order: after.map((group) => group.name) });
	changes.push(...diffMeasures(before, after));
	return changes;
}

function placed(groups: readonly Group[]): Map<string, { measure: Measure; group: Group }> {
	return new Map(
		groups.flatMap((group) =>
			group.measures.map((measure) => [measure.id, { measure, group }] as const)
		)
	);
}

function diffMeasures(beforeGroups: readonly Group[], afterGroups: readonly Group[]): Change[] {
	const changes: Change[] = [];
	const before = placed(beforeGroups);
	const after = placed(afterGroups);
	for (const [id, { measure, group }] of after) {
		const old = before.get(id);
		if (!old) {
			changes.push({ kind: 'measureAdded', measure: measure.name, group: group.name });
			continue;
		}
		if (old.group.id !== group.id)
			changes.push({
				kind: 'measureMoved',
				measure: measure.name,
				from: old.group.name,
				to: group.name
			});
		changes.push(...diffMeasure(old.measure, measure));
	}
	for (const [id, { measure, group }] of before)
		if (!after.has(id))
			changes.push({ kind: 'measureRemoved', measure: measure.name, group: group.name });
	// Order within a group, among the measures it had before and still has.
	for (const group of afterGroups) {
		const old = beforeGroups.find((g) => g.id === group.id);
		if (!old) continue;
		const stayed = (list: readonly Measure[], other: readonly Measure[]) =>
			list.filter((m) => other.some((o) => o.id === m.id)).map((m) => m.id);
		if (!same(stayed(old.measures, group.measures), stayed(group.measures, old.measures)))
			changes.push({
				kind: 'measuresReordered',
				group: group.name,
				order: group.measures.map((measure) => measure.name)
			});
	}
	return changes;
}

function diffMeasure(before: Measure, after: Measure): Change[] {
	const changes: Change[] = [];
	const name = after.name;
	if (before.name !== after.name)
		changes.push({ kind: 'measureRenamed', from: before.name, to: after.name });
	if (weightOf(before) !== weightOf(after))
		changes.push({
			kind: 'measureWeight',
			measure: name,
			from: weightOf(before),
			to: weightOf(after)
		});
	if (!same(before.value, after.value))
		changes.push({ kind: 'measureValue', measure: name, from: before.value, to: after.value });
	changes.push(...diffScoring(name, before.scoring, after.scoring));
	for (const option of ['description', 'missing', 'manual', 'decay'] as const)
		if (!same(before[option], after[option]))
			changes.push({
				kind: 'measureOption',
				measure: name,
				option,
				from: before[option],
				to: after[option]
			});
	return changes;
}

function diffScoring(
	measure: string,
	before: Measure['scoring'],
	after: Measure['scoring']
): Change[] {
	if (same(before, after)) return [];
	if (before.type !== after.type)
		return [{ kind: 'scoringType', measure, from: before.type, to: after.type }];
	const changes: Change[] = [];
	if (before.type === 'steps' && after.type === 'steps') {
		const length = Math.max(before.steps.length, after.steps.length);
		for (let i = 0; i < length; i++) {
			const from = before.steps[i];
			const to = after.steps[i];
			if (from && to) {
				if (!same(from, to)) changes.push({ kind: 'stepChanged', measure, from, to });
			} else if (to) changes.push({ kind: 'stepAdded', measure, step: to });
			else if (from) changes.push({ kind: 'stepRemoved', measure, step: from });
		}
	} else if (before.type === 'linear' && after.type === 'linear') {
		changes.push({ kind: 'scoringDetail', measure, from: before.points, to: after.points });
	} else if (before.type === 'map' && after.type === 'map') {
		if (!same(before.map, after.map))
			changes.push({ kind: 'scoringDetail', measure, from: before.map, to: after.map });
	} else if (before.type === 'logic' && after.type === 'logic') {
		changes.push({ kind: 'scoringDetail', measure, from: before.logic, to: after.logic });
	}
	if (
		(before.type === 'steps' || before.type === 'map') &&
		(after.type === 'steps' || after.type === 'map')
	)
		if (before.else !== after.else)
			changes.push({ kind: 'scoringElse', measure, from: before.else, to: after.else });
	return changes;
}
