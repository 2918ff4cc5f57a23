/** The fields of the score context, for the condition builder of the play editor. */
import { inferFields } from '../conditions';
import type { Field } from '../conditions/types';
import { DEFAULT_BANDS } from '../scoring/measure';
import type { Scorecard } from '../types';

/**
 * Every path a play's `when` can read, with labels from the scorecards' own names; the account's
 * fields are inferred from some accounts' facts (a sample is enough).
 */
export function scoreContextFields(
	scorecards: readonly Scorecard[],
	accountFacts: Iterable<Record<string, unknown>>
): Field[] {
	const bands = new Set<string>();
	const groups = new Map<string, string>();
	const measures = new Map<string, string>();
	for (const card of scorecards) {
		for (const band of card.bands ?? DEFAULT_BANDS) bands.add(band.name);
		for (const group of card.groups) {
			if (!groups.has(group.id)) groups.set(group.id, group.name);
			for (const measure of group.measures)
				if (!measures.has(measure.id)) measures.set(measure.id, measure.name);
		}
	}
	const score: Field[] = [
		{ path: 'score.overall', label: 'Score · overall', type: 'number' },
		{ path: 'score.band', label: 'Score · band', type: 'text', values: [...bands, 'No data'] },
		...[...groups].map(([id, name]): Field => ({
			path: `score.groups.${id}`,
			label: `Score · ${name}`,
			type: 'number'
		})),
		...[...measures].map(([id, name]): Field => ({
			path: `score.measures.${id}`,
			label: `Measure · ${name}`,
			type: 'number'
		})),
		{ path: 'score.delta_30d', label: 'Score · change over 30 days', type: 'number' },
		{ path: 'score.previous', label: 'Score · 30 days ago', type: 'number' },
		{ path: 'score.drop_30d', label: 'Score · largest drop in 30 days', type: 'number' },
		{ path: 'days_to_renewal', label: 'Days to renewal', type: 'number' },
		{ path: 'days_since_start', label: 'Days since the account started', type: 'number' },
		{ path: 'contacts', label: 'Contacts', type: 'number' },
		{ path: 'now', label: 'Today (as-of date)', type: 'date' }
	];
	const account = inferFields(accountFacts).map((field): Field => ({
		...field,
		path: `account.${field.path}`,
		label: `Account · ${field.label}`
	}));
	return [...score, ...account];
}
