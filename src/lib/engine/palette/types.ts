/** The measure palette's types: ready measures a scorecard is composed from. */
import type { Measure } from '../types';

/** The kinds the palette groups its measures by, in the order it shows them. */
export const PALETTE_KINDS = ['deployment', 'engagement', 'relationship', 'business'] as const;
export type PaletteKind = (typeof PALETTE_KINDS)[number];

export interface PaletteEntry {
	/** Unique in the palette; also the id a measure made from it starts with. */
	id: string;
	kind: PaletteKind;
	/** A complete measure with its default scoring, weight 1. */
	measure: Measure;
	/**
	 * Facts the value reads that the sample workspace does not carry: the measure stays missing
	 * (left out) until a CSV import brings them.
	 */
	needs?: readonly string[];
}
