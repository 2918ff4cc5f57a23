/**
 * A measure's raw value on every account, exactly as the engine reads it (required facts, decay,
 * a manual entry's freshness), whatever its scoring: the data a threshold is set against. Computed
 * once per way of reading the value, so editing a threshold or a score never recomputes it.
 */
import { compileScorecard, type Facts, type Measure, type Scorecard } from '$lib/engine';

export const ABSENT = 0;
export const PRESENT = 1;
export const STALE = 2;

export interface RawValues {
	/** The raw value per account (undefined where it has none). */
	values: unknown[];
	/** ABSENT, PRESENT or STALE per account. */
	state: Uint8Array;
}

/** What decides a measure's raw value: two measures with the same key read the same values. */
export function rawKey(measure: Measure): string {
	return JSON.stringify([
		measure.id,
		measure.value,
		measure.decay ?? null,
		measure.manual?.validity_days ?? null
	]);
}

/**
 * A scorecard of this one measure that scores any present value (a `map` with no entries gives
 * every value its `else`) and leaves a missing one missing: its explanation is the raw value.
 */
function readerOf(measure: Measure): Scorecard {
	const { missing: _missing, ...rest } = measure;
	return {
		id: 'raw',
		name: 'raw',
		bands: [{ name: 'any', min: 0 }],
		groups: [
			{
				id: 'raw',
				name: 'raw',
				measures: [{ ...rest, scoring: { type: 'map', map: {}, else: 0 } }]
			}
		]
	};
}

export function rawValues(measure: Measure, facts: readonly Facts[]): RawValues {
	const reader = compileScorecard(readerOf(measure));
	const values = new Array<unknown>(facts.length);
	const state = new Uint8Array(facts.length);
	for (let i = 0; i < facts.length; i++) {
		const result = reader.score(facts[i]!, '').measures[measure.id]!;
		if (result.score !== null) {
			values[i] = result.value;
			state[i] = PRESENT;
		} else if (result.stale) state[i] = STALE;
	}
	return { values, state };
}
