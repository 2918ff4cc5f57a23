/** The fields of the score context, for the condition builder of the play editor. */
import { inferFields } from '../conditions';
import type { Field } from '../conditions/types';
import { DEFAULT_BANDS } from '../scoring/measure';
import type { Scorecard } from '../types';

/** A group or measure id, with the names and the scorecards that give it. */
interface Named {
	names: string[];
	cards: string[];
}

function addName(byId: Map<string, Named>, id: string, name: string, card: string): void {
	const named = byId.get(id) ?? { names: [], cards: [] };
	if (!named.names.includes(name)) named.names.push(name);
	if (!named.cards.includes(card)) named.cards.push(card);
	byId.set(id, named);
}

/**
 * The score fields of groups or measures, labelled by name. Two ids with the same name (a new
 * scorecard's `group_2` called "Adoption" beside the shipped `adoption`) are told apart by their
 * scorecards: "Score · Adoption (Scale segment)".
 */
function namedFields(byId: ReadonlyMap<string, Named>, prefix: string, root: string): Field[] {
	const base = (named: Named) => `${prefix} · ${named.names.join(' / ')}`;
	const uses = new Map<string, number>();
	for (const named of byId.values()) uses.set(base(named), (uses.get(base(named)) ?? 0) + 1);
	return [...byId].map(([id, named]) => ({
		path: `score.${root}.${id}`,
		label: uses.get(base(named))! > 1 ? `${base(named)} (${named.cards.join(', ')})` : base(named),
		type: 'number'
	}));
}

/** Labels still shared (scorecards of the same name, an account fact named like another) get the path. */
function uniqueLabels(fields: readonly Field[]): Field[] {
	const uses = new Map<string, number>();
	for (const field of fields) uses.set(field.label, (uses.get(field.label) ?? 0) + 1);
	return fields.map((field) =>
		uses.get(field.label)! > 1 ? { ...field, label: `${field.label} · ${field.path}` } : field
	);
}

/**
 * Every path a play's `when` can read, with labels from the scorecards' own names, no two alike;
 * the account's fields are inferred from some accounts' facts (a sample is enough).
 */
export function scoreContextFields(
	scorecards: readonly Scorecard[],
	accountFacts: Iterable<Record<string, unknown>>
): Field[] {
	const bands = new Set<string>();
	const groups = new Map<string, Named>();
	const measures = new Map<string, Named>();
	for (const card of scorecards) {
		const cardName = card.name.trim() || card.id;
		for (const band of card.bands ?? DEFAULT_BANDS) bands.add(band.name);
		for (const group of card.groups) {
			addName(groups, group.id, group.name.trim() || group.id, cardName);
			for (const measure of group.measures)
				addName(measures, measure.id, measure.name.trim() || measure.id, cardName);
		}
	}
	const score: Field[] = [
		{ path: 'score.overall', label: 'Score · overall', type: 'number' },
		{ path: 'score.band', label: 'Score · band', type: 'text', values: [...bands, 'No data'] },
		...namedFields(groups, 'Score', 'groups'),
		...namedFields(measures, 'Measure', 'measures'),
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
	return uniqueLabels([...score, ...account]);
}
