import { describe, expect, it } from 'vitest';
import { visibleRange } from './virtual-window';

describe('visibleRange', () => {
	it('renders the rows in view and a few either side, keeping the rest as space', () => {
		expect(visibleRange(0, 330, 33, 10_000, 5)).toEqual({
			start: 0,
			end: 16,
			before: 0,
			after: (10_000 - 16) * 33
		});
		const middle = visibleRange(33 * 5_000, 330, 33, 10_000, 5);
		expect(middle).toEqual({
			start: 4_995,
			end: 5_016,
			before: 4_995 * 33,
			after: (10_000 - 5_016) * 33
		});
		// The space and the rendered rows always make up the whole list.
		expect(middle.before + (middle.end - middle.start) * 33 + middle.after).toBe(10_000 * 33);
	});

	it('stays inside the list at its end, and when it shrank under a far scroll', () => {
		const end = visibleRange(33 * 9_995, 330, 33, 10_000, 5);
		expect(end.end).toBe(10_000);
		expect(end.after).toBe(0);
		// The list shrank to 20 rows while scrolled far down: its last rows show, not blank space.
		const shrunk = visibleRange(33 * 9_000, 330, 33, 20, 5);
		expect(shrunk).toEqual({ start: 4, end: 20, before: 4 * 33, after: 0 });
		expect(visibleRange(0, 330, 33, 0)).toEqual({ start: 0, end: 0, before: 0, after: 0 });
	});
});
