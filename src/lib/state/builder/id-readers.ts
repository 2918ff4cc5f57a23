/**
 * Who reads a group's or measure's id: plays read `score.groups.<id>` and `score.measures.<id>`,
 * so changing the id of a published scorecard's group stops them for its accounts. The builder
 * says so beside the id field, before the publish check lists them.
 */
import { scoreReferences, type Play, type Scorecard } from '$lib/engine';
import { findMeasure } from './edits';

export type IdKind = 'group' | 'measure';

/** The path plays read a group or measure by. */
export function scorePath(kind: IdKind, id: string): string {
	return `score.${kind === 'group' ? 'groups' : 'measures'}.${id}`;
}

/** The enabled plays that read this group or measure id (in their `when` or webhooks). */
export function playsReading(plays: readonly Play[], kind: IdKind, id: string): Play[] {
	return plays.filter(
		(play) =>
			play.enabled &&
			scoreReferences(play).some((reference) => reference.kind === kind && reference.id === id)
	);
}

/**
 * The id the group or measure `id` of `draft` had in the published version, when the draft took
 * it away (it stands where the published one stood, and that id is nowhere in the draft); null
 * when its id is unchanged, it is new, or there is no published version.
 */
export function formerId(
	published: Scorecard | null,
	draft: Scorecard,
	kind: IdKind,
	id: string
): string | null {
	if (!published) return null;
	if (kind === 'group') {
		if (published.groups.some((group) => group.id === id)) return null;
		const index = draft.groups.findIndex((group) => group.id === id);
		const candidate = index >= 0 ? published.groups[index]?.id : undefined;
		return candidate !== undefined && !draft.groups.some((group) => group.id === candidate)
			? candidate
			: null;
	}
	if (findMeasure(published, id)) return null;
	const found = findMeasure(draft, id);
	if (!found) return null;
	const groupIndex = draft.groups.indexOf(found.group);
	const candidate = published.groups[groupIndex]?.measures[found.index]?.id;
	return candidate !== undefined && !findMeasure(draft, candidate) ? candidate : null;
}
