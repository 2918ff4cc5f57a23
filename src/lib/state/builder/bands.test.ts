import { describe, expect, it } from 'vitest';
import { DEFAULT_BANDS } from '$lib/engine';
import { addBand, bandProblems, bandRanges, bandsOf, removeBand, updateBand } from './bands';

describe('bands', () => {
	it('start from the defaults, as copies', () => {
		const bands = bandsOf({});
		expect(bands).toEqual(DEFAULT_BANDS);
		bands[0]!.name = 'Changed';
		expect(DEFAULT_BANDS[0]!.name).toBe('Red');
	});

	it('add a band in the widest range, and keep at least one', () => {
		const bands = addBand(bandsOf({}), 'Blue');
		expect(bands.map((b) => [b.name, b.min])).toEqual([
			['Red', 0],
			['Blue', 20],
			['Orange', 40],
			['Yellow', 60],
			['Green', 80]
		]);
		expect(removeBand([DEFAULT_BANDS[0]!], 0)).toHaveLength(1);
		expect(removeBand(bands, 1).map((b) => b.name)).toEqual(['Red', 'Orange', 'Yellow', 'Green']);
	});

	it('give each band its range, lowest first', () => {
		const bands = updateBand(bandsOf({}), 2, { min: 65 });
		expect(bandRanges(bands).map((r) => [r.band.name, r.band.min, r.below])).toEqual([
			['Red', 0, 40],
			['Orange', 40, 65],
			['Yellow', 65, 80],
			['Green', 80, null]
		]);
	});

	it('flag names and thresholds that cannot work', () => {
		const bands = [
			{ name: 'Red', min: 0 },
			{ name: '', min: 40 },
			{ name: 'Red', min: 40 },
			{ name: 'Top', min: 120 }
		];
		expect(bandProblems(bands)).toEqual([
			{ index: 1, kind: 'noName' },
			{ index: 2, kind: 'sameName' },
			{ index: 2, kind: 'sameMin' },
			{ index: 3, kind: 'outOfRange' }
		]);
	});
});
