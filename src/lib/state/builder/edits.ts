/**
 * The builder's edits as pure functions: each takes a scorecard and returns a new one, never
 * touching its input (the undo history keeps the old ones as they were). An edit that does not
 * apply (an unknown id, the last group) returns its input unchanged, so callers can tell nothing
 * happened by identity.
 *
 * Group and measure ids are what plays read (`score.groups.adoption`), so they are made from names
 * and kept readable: a new group "Adoption" is `adoption`. Before a scorecard is first published no
 * play can read it yet, so a rename carries the id along (`followId`) as long as the id is still the
 * one the old name gave; an id set by hand, or any id once published, stays as it is.
 */
import { keyFrom, keyProblem, placeMeasure, uniqueKey } from '$lib/engine/palette';
import type { Group, Measure, Scorecard } from '$lib/engine';

/** Where a measure goes: one already in the scorecard (by id), or a new one to place. */
export type Placement = { kind: 'measure'; id: string } | { kind: 'new'; measure: Measure };

export function measureIds(card: Scorecard): Set<string> {
	return new Set(card.groups.flatMap((group) => group.measures.map((measure) => measure.id)));
}

/** The measure of that id and the group holding it. */
export function findMeasure(
	card: Scorecard,
	id: string
): { measure: Measure; group: Group; index: number } | null {
	for (const group of card.groups) {
		const index = group.measures.findIndex((measure) => measure.id === id);
		if (index >= 0) return { measure: group.measures[index]!, group, index };
	}
	return null;
}

function mapGroup(card: Scorecard, id: string, change: (group: Group) => Group): Scorecard {
	if (!card.groups.some((group) => group.id === id)) return card;
	return { ...card, groups: card.groups.map((group) => (group.id === id ? change(group) : group)) };
}

function mapMeasure(card: Scorecard, id: string, change: (measure: Measure) => Measure): Scorecard {
	const found = findMeasure(card, id);
	if (!found) return card;
	return mapGroup(card, found.group.id, (group) => ({
		...group,
		measures: group.measures.map((measure) => (measure.id === id ? change(measure) : measure))
	}));
}

export function updateScorecard(card: Scorecard, patch: Partial<Omit<Scorecard, 'groups' | 'id'>>) {
	const next: Scorecard = { ...card, ...patch };
	// An absent condition applies to every account; `undefined` keys are dropped from the JSON.
	for (const key of Object.keys(patch) as (keyof typeof patch)[])
		if (patch[key] === undefined) delete next[key];
	return next;
}

/** The id `name` gives a group or a measure, unique among the ids `taken` by the others of its kind. */
export function idFromName(
	name: string,
	kind: 'group' | 'measure',
	taken: ReadonlySet<string>
): string {
	return uniqueKey(keyFrom(name, kind), taken);
}

/** The ids of the other groups than `id`. */
function otherGroupIds(card: Scorecard, id: string): Set<string> {
	return new Set(card.groups.flatMap((group) => (group.id === id ? [] : [group.id])));
}

/** The ids of the other measures than `id`, in every group (measure ids key the whole scorecard). */
function otherMeasureIds(card: Scorecard, id: string): Set<string> {
	const ids = measureIds(card);
	ids.delete(id);
	return ids;
}

export interface RenameOptions {
	/** The id moves along with the name while it is the one the old name gave (never published). */
	followId?: boolean;
}

export function addGroup(card: Scorecard, name: string): { scorecard: Scorecard; id: string } {
	const id = idFromName(name, 'group', new Set(card.groups.map((group) => group.id)));
	return {
		id,
		scorecard: { ...card, groups: [...card.groups, { id, name, weight: 1, measures: [] }] }
	};
}

/** Renames a group; with `followId`, its id follows the name (see the module's comment). */
export function renameGroup(
	card: Scorecard,
	id: string,
	name: string,
	options: RenameOptions = {}
): { scorecard: Scorecard; id: string } {
	const group = card.groups.find((candidate) => candidate.id === id);
	if (!group) return { scorecard: card, id };
	const others = otherGroupIds(card, id);
	const follows = options.followId === true && id === idFromName(group.name, 'group', others);
	const next = follows ? idFromName(name, 'group', others) : id;
	if (name === group.name && next === id) return { scorecard: card, id };
	return { id: next, scorecard: mapGroup(card, id, () => ({ ...group, id: next, name })) };
}

/** Gives a group the id typed by a person; nothing changes when the id is not valid or is taken. */
export function setGroupId(card: Scorecard, id: string, next: string): Scorecard {
	if (next === id || keyProblem(next, otherGroupIds(card, id)) !== null) return card;
	return mapGroup(card, id, (group) => ({ ...group, id: next }));
}

export function setGroupWeight(card: Scorecard, id: string, weight: number): Scorecard {
	return mapGroup(card, id, (group) => ({ ...group, weight }));
}

/** A scorecard needs at least one group: the last one stays. */
export function removeGroup(card: Scorecard, id: string): Scorecard {
	if (card.groups.length <= 1 || !card.groups.some((group) => group.id === id)) return card;
	return { ...card, groups: card.groups.filter((group) => group.id !== id) };
}

function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
	const next = [...list];
	const [item] = next.splice(from, 1);
	next.splice(Math.max(0, Math.min(to, next.length)), 0, item!);
	return next;
}

/** Moves a group by `delta` places (−1 up, +1 down), clamped to the list. */
export function moveGroup(card: Scorecard, id: string, delta: number): Scorecard {
	const from = card.groups.findIndex((group) => group.id === id);
	const to = Math.max(0, Math.min(card.groups.length - 1, from + delta));
	if (from < 0 || to === from) return card;
	return { ...card, groups: moveItem(card.groups, from, to) };
}

/**
 * Lays out the measures of the groups named in `layout` as given, as a drag and drop leaves
 * them: existing measures move to where they are placed (out of any other group), new ones get an
 * id of their own. A measure that was in a named group and is placed nowhere is removed; groups
 * not named keep their measures. Returns the ids of the new measures, in order.
 */
export function arrangeMeasures(
	card: Scorecard,
	layout: Readonly<Record<string, readonly Placement[]>>
): { scorecard: Scorecard; added: string[] } {
	const existing = new Map(
		card.groups.flatMap((group) => group.measures.map((measure) => [measure.id, measure] as const))
	);
	const placed = new Set(
		Object.values(layout).flatMap((list) =>
			list.flatMap((item) => (item.kind === 'measure' && existing.has(item.id) ? [item.id] : []))
		)
	);
	const taken = new Set(existing.keys());
	const added: string[] = [];
	const used = new Set<string>();
	const groups = card.groups.map((group) => {
		const list = layout[group.id];
		if (!list) {
			const kept = group.measures.filter((measure) => !placed.has(measure.id));
			return kept.length === group.measures.length ? group : { ...group, measures: kept };
		}
		const measures: Measure[] = [];
		for (const item of list) {
			if (item.kind === 'measure') {
				const measure = existing.get(item.id);
				// The same measure placed twice (a stale list) counts once.
				if (measure && !used.has(item.id)) {
					measures.push(measure);
					used.add(item.id);
				}
			} else {
				const measure = placeMeasure(item.measure, taken);
				taken.add(measure.id);
				added.push(measure.id);
				measures.push(measure);
			}
		}
		const same =
			measures.length === group.measures.length &&
			measures.every((measure, i) => measure === group.measures[i]);
		return same ? group : { ...group, measures };
	});
	const changed = groups.some((group, i) => group !== card.groups[i]);
	return { scorecard: changed ? { ...card, groups } : card, added };
}

/** Adds `measure` at the end of a group (or at `index`), under an id of its own. */
export function addMeasure(
	card: Scorecard,
	groupId: string,
	measure: Measure,
	index?: number
): { scorecard: Scorecard; id: string | null } {
	const group = card.groups.find((candidate) => candidate.id === groupId);
	if (!group) return { scorecard: card, id: null };
	const list: Placement[] = group.measures.map((m) => ({ kind: 'measure', id: m.id }));
	list.splice(index ?? list.length, 0, { kind: 'new', measure });
	const result = arrangeMeasures(card, { [groupId]: list });
	return { scorecard: result.scorecard, id: result.added[0] ?? null };
}

/** Moves a measure to `index` of a group (its own or another). */
export function moveMeasure(
	card: Scorecard,
	id: string,
	groupId: string,
	index: number
): Scorecard {
	const found = findMeasure(card, id);
	const target = card.groups.find((group) => group.id === groupId);
	if (!found || !target) return card;
	const list: Placement[] = target.measures
		.filter((measure) => measure.id !== id)
		.map((measure) => ({ kind: 'measure', id: measure.id }));
	list.splice(Math.max(0, Math.min(index, list.length)), 0, { kind: 'measure', id });
	return arrangeMeasures(card, { [groupId]: list }).scorecard;
}

export function removeMeasure(card: Scorecard, id: string): Scorecard {
	const found = findMeasure(card, id);
	if (!found) return card;
	return mapGroup(card, found.group.id, (group) => ({
		...group,
		measures: group.measures.filter((measure) => measure.id !== id)
	}));
}

/**
 * The measure under another id. A manual measure reads its entries by its id (`manual.<id>`), so
 * that reading follows; any other value is the person's own and stays.
 */
function withMeasureId(measure: Measure, id: string): Measure {
	const value = measure.value as { var?: unknown } | null;
	const readsOwnEntries =
		measure.manual !== undefined &&
		typeof value === 'object' &&
		value !== null &&
		Object.keys(value).length === 1 &&
		value.var === `manual.${measure.id}`;
	return { ...measure, id, ...(readsOwnEntries ? { value: { var: `manual.${id}` } } : {}) };
}

/** Renames a measure; with `followId`, its id follows the name (see the module's comment). */
export function renameMeasure(
	card: Scorecard,
	id: string,
	name: string,
	options: RenameOptions = {}
): { scorecard: Scorecard; id: string } {
	const found = findMeasure(card, id);
	if (!found) return { scorecard: card, id };
	const others = otherMeasureIds(card, id);
	const follows =
		options.followId === true && id === idFromName(found.measure.name, 'measure', others);
	const next = follows ? idFromName(name, 'measure', others) : id;
	if (name === found.measure.name && next === id) return { scorecard: card, id };
	return {
		id: next,
		scorecard: mapMeasure(card, id, (measure) => ({ ...withMeasureId(measure, next), name }))
	};
}

/** Gives a measure the id typed by a person; nothing changes when the id is not valid or is taken. */
export function setMeasureId(card: Scorecard, id: string, next: string): Scorecard {
	if (next === id || !findMeasure(card, id)) return card;
	if (keyProblem(next, otherMeasureIds(card, id)) !== null) return card;
	return mapMeasure(card, id, (measure) => withMeasureId(measure, next));
}

export function setMeasureWeight(card: Scorecard, id: string, weight: number): Scorecard {
	return mapMeasure(card, id, (measure) => ({ ...measure, weight }));
}

/**
 * Replaces a measure with an edited one (from the measure editor). Its id may change only to one
 * no other measure has; otherwise the old id is kept.
 */
export function replaceMeasure(card: Scorecard, id: string, measure: Measure): Scorecard {
	if (!findMeasure(card, id)) return card;
	const others = measureIds(card);
	others.delete(id);
	const kept = others.has(measure.id) ? { ...measure, id } : measure;
	return mapMeasure(card, id, () => kept);
}
