/** The overall bands as the band editor edits them: pure helpers over a list of bands. */
import { DEFAULT_BANDS, type Band } from '$lib/engine';

/** A scorecard without bands uses the default ones: the editor starts from copies of them. */
export function bandsOf(card: { bands?: Band[] }): Band[] {
	return (card.bands ?? DEFAULT_BANDS).map((band) => ({ ...band }));
}

/** The colour a new band starts with: neutral, so it reads as "not chosen yet". */
export const NEW_BAND_COLOR = '#8c959f';

/** Adds a band in the middle of the widest range, so it is reachable at once. */
export function addBand(bands: readonly Band[], name: string): Band[] {
	const mins = [...bands.map((band) => band.min), 100].sort((a, b) => a - b);
	let at = 50;
	let widest = -1;
	for (let i = 0; i < mins.length - 1; i++) {
		const gap = mins[i + 1]! - mins[i]!;
		if (gap > widest) {
			widest = gap;
			at = Math.round((mins[i]! + mins[i + 1]!) / 2);
		}
	}
	const next = [...bands, { name, min: at, color: NEW_BAND_COLOR }];
	return next.sort((a, b) => a.min - b.min);
}

export function updateBand(bands: readonly Band[], index: number, patch: Partial<Band>): Band[] {
	return bands.map((band, i) => (i === index ? { ...band, ...patch } : band));
}

/** A scorecard needs at least one band: the last one stays. */
export function removeBand(bands: readonly Band[], index: number): Band[] {
	if (bands.length <= 1) return [...bands];
	return bands.filter((_, i) => i !== index);
}

export interface BandRange {
	index: number;
	band: Band;
	/** The next band's threshold, or null for the top band (which runs to 100). */
	below: number | null;
}

/** Each band with the range of scores it gets, lowest first. */
export function bandRanges(bands: readonly Band[]): BandRange[] {
	const sorted = bands
		.map((band, index) => ({ band, index }))
		.sort((a, b) => a.band.min - b.band.min);
	return sorted.map(({ band, index }, i) => ({
		index,
		band,
		below: sorted[i + 1]?.band.min ?? null
	}));
}

export type BandProblem = { index: number; kind: 'noName' | 'sameName' | 'outOfRange' | 'sameMin' };

/** What the editor flags beside a band: the schema refuses the first two, the others never match. */
export function bandProblems(bands: readonly Band[]): BandProblem[] {
	const problems: BandProblem[] = [];
	bands.forEach((band, index) => {
		const earlier = bands.slice(0, index);
		if (band.name.trim() === '') problems.push({ index, kind: 'noName' });
		else if (earlier.some((other) => other.name === band.name))
			problems.push({ index, kind: 'sameName' });
		if (!Number.isFinite(band.min) || band.min < 0 || band.min > 100)
			problems.push({ index, kind: 'outOfRange' });
		else if (earlier.some((other) => other.min === band.min))
			problems.push({ index, kind: 'sameMin' });
	});
	return problems;
}
