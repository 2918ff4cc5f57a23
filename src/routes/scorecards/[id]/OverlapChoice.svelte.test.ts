import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { PreviewResult } from '$lib/state/preview/types';
import OverlapChoice from './OverlapChoice.svelte';

/** A preview of a new Scale scorecard that the shipped one, tried first, shadows entirely. */
const shadowed = {
	matching: 912,
	scored: 0,
	lostTo: [{ id: 'scale', name: 'Scale segment', priority: 1, count: 912 }]
} as PreviewResult;

function setup(
	props: { result?: PreviewResult | null; asks?: boolean; keptAfter?: string[] } = {}
) {
	const onreplace = vi.fn();
	const onkeepafter = vi.fn();
	render(OverlapChoice, {
		result: props.result === undefined ? shadowed : props.result,
		asks: props.asks ?? true,
		keptAfter: props.keptAfter ?? [],
		onreplace,
		onkeepafter
	});
	return { user: userEvent.setup(), onreplace, onkeepafter };
}

describe('the overlap question', () => {
	it('asks whether to replace the scorecard that comes first or to come after it', async () => {
		const { user, onreplace, onkeepafter } = setup();
		const region = screen.getByRole('region', { name: 'Another scorecard covers this segment' });
		expect(region).toHaveTextContent(
			'Scale segment (priority 1) comes first for 912 of the 912 accounts this scorecard applies to. Should this scorecard replace it, or come after it?'
		);
		expect(region).toHaveTextContent(
			'Takes priority 1; Scale segment moves after it when you publish.'
		);
		await user.click(within(region).getByRole('button', { name: 'Replace Scale segment' }));
		expect(onreplace).toHaveBeenCalledWith(1);
		await user.click(within(region).getByRole('button', { name: 'Come after Scale segment' }));
		expect(onkeepafter).toHaveBeenCalledWith('scale');
	});

	it('does not ask again once answered, nor when there is nothing to ask', () => {
		setup({ keptAfter: ['scale'] });
		setup({ asks: false });
		setup({ result: { ...shadowed, scored: 912, lostTo: [] } });
		setup({ result: null });
		expect(screen.queryByRole('region')).toBeNull();
	});

	it('offers only to come after a scorecard without a priority (it is tried last)', () => {
		setup({
			result: {
				...shadowed,
				lostTo: [{ id: 'all', name: 'Every account', priority: null, count: 3 }]
			}
		});
		expect(screen.queryByRole('button', { name: /^Replace/ })).toBeNull();
		expect(screen.getByRole('button', { name: 'Come after Every account' })).toBeInTheDocument();
	});
});
