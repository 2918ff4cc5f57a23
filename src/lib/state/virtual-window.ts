/**
 * Which rows of a long list to render: those in the scroll container's viewport, plus a few
 * either side so a fast scroll does not show blank space. Every row has the same height, so the
 * position of any row is known without rendering the others.
 */
export interface WindowRange {
	/** First row rendered (inclusive) and last (exclusive). */
	start: number;
	end: number;
	/** Space kept above and below the rendered rows, in pixels, so the scrollbar spans the whole list. */
	before: number;
	after: number;
}

export function visibleRange(
	scrollTop: number,
	viewportHeight: number,
	rowHeight: number,
	count: number,
	overscan = 8
): WindowRange {
	const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
	const shown = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1;
	const start = Math.max(0, Math.min(first - overscan, count - shown - overscan));
	const end = Math.min(count, first + shown + overscan);
	return {
		start: Math.min(start, end),
		end,
		before: Math.min(start, end) * rowHeight,
		after: (count - end) * rowHeight
	};
}
