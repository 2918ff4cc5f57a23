/**
 * The measure palette: ready measures with sensible default scorings, grouped by kind, which a
 * scorecard is composed from; plus custom measures over any metric or expression.
 */
import type { Measure } from '../types';
import { business } from './business';
import { deployment } from './deployment';
import { engagement } from './engagement';
import { uniqueKey } from './ids';
import { PALETTE_JA } from './ja';
import { relationship } from './relationship';
import type { PaletteEntry } from './types';

export { PALETTE_KINDS, type PaletteEntry, type PaletteKind } from './types';
export { keyFrom, keyProblem, uniqueKey, type KeyProblem } from './ids';
export {
	defaultScoring,
	expressionMeasure,
	metricMeasure,
	parseExpression,
	type ExpressionCheck
} from './custom';

export const PALETTE: readonly PaletteEntry[] = [
	...deployment,
	...engagement,
	...relationship,
	...business
];

const byId = new Map(PALETTE.map((entry) => [entry.id, entry]));

/** `entry` with its measure's words in `language` (`ja.ts`); English otherwise. */
function inLanguage(entry: PaletteEntry, language: string): PaletteEntry {
	const words = language === 'ja' ? PALETTE_JA[entry.id] : undefined;
	return words ? { ...entry, measure: { ...entry.measure, ...words } } : entry;
}

/** The palette's entry `id`, its measure named and described in `language` (default English). */
export function paletteEntry(id: string, language = 'en'): PaletteEntry | undefined {
	const entry = byId.get(id);
	return entry && inLanguage(entry, language);
}

/** The palette in `language`: a measure added from it takes these words. */
export function paletteIn(language: string): readonly PaletteEntry[] {
	return language === 'ja' ? PALETTE.map((entry) => inLanguage(entry, language)) : PALETTE;
}

/**
 * A fresh copy of `measure` under an id not in `taken` (a second "NPS" becomes `nps_2`), so the
 * palette's own entries are never shared with a scorecard that edits them.
 */
export function placeMeasure(measure: Measure, taken: ReadonlySet<string>): Measure {
	return { ...structuredClone(measure), id: uniqueKey(measure.id, taken) };
}
