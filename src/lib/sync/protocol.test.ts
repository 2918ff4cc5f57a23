import { describe, expect, it } from 'vitest';
import { joinPages, type PullPage } from './protocol';

const change = (id: string, revision: number, body: unknown) => ({
	kind: 'plays' as const,
	id,
	revision,
	body
});

describe('pages of one pull joined', () => {
	it('keeps every change in order, the last revision and cursor, the first total and restart', () => {
		const pages: PullPage[] = [
			{ head: 5, changes: [change('a', 3, 1)], revision: 0, cursor: 'x', total: 3, reset: true },
			{ head: 6, changes: [change('b', 4, 2), change('a', 4, null)], revision: 4, cursor: 'y' },
			{ head: 6, changes: [], revision: 5, cursor: null }
		];
		expect(joinPages(pages)).toEqual({
			head: 6,
			changes: [change('a', 3, 1), change('b', 4, 2), change('a', 4, null)],
			revision: 5,
			cursor: null,
			total: 3,
			reset: true
		});
		expect(joinPages(pages.slice(1, 2))).toBe(pages[1]);
		expect(() => joinPages([])).toThrow(RangeError);
	});
});
