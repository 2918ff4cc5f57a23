/** New scorecards: empty, or a copy of a shipped one (`rules/`) under a new id and name. */
import { DEFAULT_BANDS, type Scorecard } from '$lib/engine';
import { keyFrom } from '$lib/engine/palette';
import { shippedScorecards } from '$lib/engine/sample';

export const EMPTY_TEMPLATE = 'empty';

/** The templates offered, empty first, then the shipped scorecards by their names. */
export function templates(): { id: string; name: string }[] {
	return shippedScorecards().map((card) => ({ id: card.id, name: card.name }));
}

export interface NewScorecard {
	id: string;
	name: string;
	/** Where it is tried among the others; new ones go last, so they take nobody over by surprise. */
	priority: number;
	/** The name of the one group an empty scorecard starts with (a scorecard needs a group). */
	groupName: string;
}

export function newScorecard(template: string, options: NewScorecard): Scorecard {
	const { id, name, priority, groupName } = options;
	const shipped = shippedScorecards().find((card) => card.id === template);
	if (!shipped)
		return {
			id,
			name,
			priority,
			bands: DEFAULT_BANDS.map((band) => ({ ...band })),
			// Its id from its name, as every group the builder makes (and it follows a rename).
			groups: [{ id: keyFrom(groupName, 'group'), name: groupName, weight: 1, measures: [] }]
		};
	const { status: _status, version: _version, ...rest } = shipped;
	return { ...rest, id, name, priority, status: 'draft' };
}

/** The priority after every other: new scorecards are tried last until the user says otherwise. */
export function lastPriority(scorecards: readonly Pick<Scorecard, 'priority'>[]): number {
	const known = scorecards.map((card) => card.priority).filter((p) => p !== undefined);
	return known.length ? Math.floor(Math.max(...known)) + 1 : 1;
}
