/**
 * The manual measures a file of manual entries may name, and the scale each value must be on: a
 * measure scored by a map takes one of its values (as the account page's form offers them), any
 * other a number, within the points of a linear scoring (a relationship score of 1 to 5 refuses
 * 50). A file names a measure by its id or its name, as a spreadsheet kept by people would.
 */
import type { ManualEntry, Measure, Scorecard } from '$lib/engine';
import { normaliseHeader } from './mapping';
import type { RecordProblem } from './types';
import { INVALID, readNumber, type Invalid } from './values';

export interface ManualScale {
	id: string;
	name: string;
	/** The values a map-scored measure takes; null for a number. */
	choices: string[] | null;
	/** The lowest and highest value of a linear scoring; null when any number goes. */
	range: [number, number] | null;
}

/** The manual measures by id and by name (compared as headings are); an id wins over a name. */
export type ManualScales = ReadonlyMap<string, ManualScale>;

function scaleOf(measure: Measure): ManualScale {
	const { scoring } = measure;
	const xs = scoring.type === 'linear' ? scoring.points.map(([x]) => x) : [];
	return {
		id: measure.id,
		name: measure.name,
		choices: scoring.type === 'map' ? Object.keys(scoring.map) : null,
		range: xs.length > 1 ? [Math.min(...xs), Math.max(...xs)] : null
	};
}

export function manualScales(scorecards: readonly Scorecard[]): ManualScales {
	const byId = new Map<string, ManualScale>();
	const byName = new Map<string, ManualScale>();
	for (const scorecard of scorecards)
		for (const group of scorecard.groups)
			for (const measure of group.measures) {
				if (!measure.manual || byId.has(measure.id)) continue;
				const scale = scaleOf(measure);
				byId.set(measure.id, scale);
				const name = normaliseHeader(measure.name);
				if (name !== '' && !byName.has(name)) byName.set(name, scale);
			}
	const scales = new Map<string, ManualScale>();
	for (const [name, scale] of byName) scales.set(`name:${name}`, scale);
	for (const [id, scale] of byId) scales.set(`id:${id}`, scale);
	return scales;
}

/** The measure a cell names, by id first, then by name. */
export function manualScaleOf(scales: ManualScales, text: string): ManualScale | undefined {
	return scales.get(`id:${text}`) ?? scales.get(`name:${normaliseHeader(text)}`);
}

/** A cell's value on `scale`: one of its choices (a yes/no choice as a boolean), or a number in range. */
export function readManualValue(
	text: string,
	scale: ManualScale,
	decimalComma: boolean
): ManualEntry['value'] | Invalid {
	if (scale.choices) {
		const choice =
			scale.choices.find((c) => c === text) ??
			scale.choices.find((c) => c.toLowerCase() === text.toLowerCase());
		if (choice === undefined) return INVALID;
		return choice === 'true' ? true : choice === 'false' ? false : choice;
	}
	const number = readNumber(text, decimalComma);
	if (number === undefined || number === INVALID) return INVALID;
	if (scale.range && (number < scale.range[0] || number > scale.range[1])) return INVALID;
	return number;
}

/**
 * A manual entry as stored: the measure its cell names (by id or name) and the value on that
 * measure's scale, entered on the row's date (midnight UTC for a date alone). Completes `record`
 * in place (the validator's own, fresh from its row); a record with a problem is left part way.
 */
export function resolveManualEntry(
	record: Record<string, unknown>,
	scales: ManualScales,
	decimalComma: boolean
): RecordProblem[] {
	if (typeof record.measure !== 'string') return [];
	const scale = manualScaleOf(scales, record.measure);
	if (!scale) return [{ field: 'measure', value: record.measure, problem: 'unknown_measure' }];
	if (typeof record.value === 'string') {
		const value = readManualValue(record.value, scale, decimalComma);
		if (value === INVALID)
			return [{ field: 'value', value: record.value, problem: 'not_on_scale' }];
		record.value = value;
	}
	record.measure_id = scale.id;
	delete record.measure;
	if (typeof record.date === 'string') {
		record.entered_at = record.date.length === 10 ? `${record.date}T00:00:00.000Z` : record.date;
		delete record.date;
	}
	return [];
}
