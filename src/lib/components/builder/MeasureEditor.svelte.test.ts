import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Measure } from '$lib/engine';
import type { MeasureStats } from '$lib/state/preview/types';
import MeasureEditorHarness from './MeasureEditorHarness.svelte';

beforeAll(() => {
	// jsdom draws nothing: the chart is left out, its words stay.
	vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});

const seats: Measure = {
	id: 'seat_penetration',
	name: 'Seat penetration',
	weight: 1,
	value: { '/': [{ var: 'seats_active' }, { var: 'seats_purchased' }] },
	scoring: {
		type: 'steps',
		steps: [
			{ min: 0.8, score: 95 },
			{ min: 0.6, score: 80 }
		],
		else: 25
	}
};

const stats: MeasureStats = {
	measureId: 'seat_penetration',
	accounts: 200,
	present: 150,
	missing: 40,
	stale: 10,
	coverage: 0.75,
	numbers: { count: 150, min: 0, max: 1, histogram: { edges: [0, 0.5, 1], counts: [50, 100] } },
	texts: [],
	distinct: 150
};

function setup(
	measure: Measure = seats,
	extra: { stats?: MeasureStats | null; fields?: string[] } = {}
) {
	const user = userEvent.setup();
	const onchange = vi.fn<(measure: Measure) => void>();
	const oncommit = vi.fn();
	render(MeasureEditorHarness, { measure, onchange, oncommit, ...extra });
	const last = () => onchange.mock.lastCall?.[0];
	return { user, onchange, oncommit, last };
}

describe('MeasureEditor', () => {
	it('sends the new scoring when a threshold changes, never changing the measure given', async () => {
		const original = structuredClone(seats);
		const { user, last } = setup();
		const threshold = screen.getByRole('spinbutton', { name: 'Threshold of step 1' });
		expect(threshold).toHaveValue(0.8);
		await user.clear(threshold);
		await user.type(threshold, '0.75');
		expect(last()!.scoring).toEqual({
			type: 'steps',
			steps: [
				{ min: 0.75, score: 95 },
				{ min: 0.6, score: 80 }
			],
			else: 25
		});
		expect(seats).toEqual(original);
	});

	it('keeps a half-typed number and says what is wrong, sending nothing for it', async () => {
		const { user, onchange } = setup();
		const score = screen.getByRole('spinbutton', { name: 'Score of step 2' });
		await user.clear(score);
		expect(score).toHaveAttribute('aria-invalid', 'true');
		expect(score).toHaveAccessibleDescription('Enter a number.');
		await user.type(score, '120');
		expect(score).toHaveAccessibleDescription('Enter a number from 0 to 100.');
		expect(
			onchange.mock.calls.every(
				([m]) => m.scoring.type !== 'steps' || m.scoring.steps[1]!.score <= 100
			)
		).toBe(true);
	});

	it('adds a step, switches a step to "value ≤", and moves it up', async () => {
		const { user, last, oncommit } = setup();
		await user.click(screen.getByRole('button', { name: 'Add a step' }));
		expect(last()!.scoring).toMatchObject({
			steps: [{ min: 0.8 }, { min: 0.6 }, { min: 0.4, score: 53 }]
		});
		expect(oncommit).toHaveBeenCalled();
		await user.selectOptions(
			screen.getByRole('combobox', { name: 'Comparison of step 3' }),
			'value ≤'
		);
		expect(last()!.scoring).toMatchObject({ steps: [{}, {}, { max: 0.4, score: 53 }] });
		await user.click(screen.getByRole('button', { name: 'Move step 3 up' }));
		expect(last()!.scoring).toMatchObject({ steps: [{ min: 0.8 }, { max: 0.4 }, { min: 0.6 }] });
		await user.click(screen.getByRole('button', { name: 'Remove step 1' }));
		expect(last()!.scoring).toMatchObject({ steps: [{ max: 0.4 }, { min: 0.6 }] });
	});

	it('adds a step within the values seen', async () => {
		const oneStep: Measure = {
			...seats,
			scoring: { type: 'steps', steps: [{ min: 0.8, score: 95 }], else: 25 }
		};
		const { user, last } = setup(oneStep, { stats });
		await user.click(screen.getByRole('button', { name: 'Add a step' }));
		// A quarter of the values' range (0–1) below the last threshold.
		expect(last()!.scoring).toMatchObject({ steps: [{}, { min: 0.55, score: 60 }] });
	});

	it('switches to linear points made from the steps, and back to the steps as they were', async () => {
		const { user, last } = setup();
		await user.click(screen.getByRole('radio', { name: 'Linear' }));
		expect(last()!.scoring).toEqual({
			type: 'linear',
			points: [
				[0.6, 80],
				[0.8, 95]
			]
		});
		const value = screen.getByRole('spinbutton', { name: 'Value of point 2' });
		await user.clear(value);
		await user.type(value, '0.5');
		// 0.5 is not above 0.6: said, and not sent.
		expect(screen.getByRole('alert')).toHaveTextContent('point 2 is not above point 1');
		expect(last()!.scoring).toMatchObject({
			points: [
				[0.6, 80],
				[0.8, 95]
			]
		});
		await user.click(screen.getByRole('radio', { name: 'Steps' }));
		expect(last()!.scoring).toEqual(seats.scoring);
	});

	it('shows the error of a rule with an unknown operator and sends nothing', async () => {
		const { user, onchange, last } = setup();
		await user.click(screen.getByRole('radio', { name: 'Custom rule' }));
		expect(last()!.scoring).toEqual({ type: 'logic', logic: { var: 'value' } });
		const calls = onchange.mock.calls.length;
		const rule = screen.getByRole('textbox', { name: /Score as JSON-logic/ });
		await user.clear(rule);
		await user.type(rule, '{{"bogus": [[1, 2]}');
		expect(screen.getByRole('alert')).toHaveTextContent('Unknown JSON-logic operator “bogus”');
		expect(rule).toHaveAttribute('aria-invalid', 'true');
		expect(onchange.mock.calls.length).toBe(calls);
		await user.clear(rule);
		await user.type(rule, '{{"*": [[{{"var": "value"}, 100]}');
		expect(last()!.scoring).toEqual({ type: 'logic', logic: { '*': [{ var: 'value' }, 100] } });
		expect(screen.queryByRole('alert')).toBeNull();
	});

	it('edits a map of values, with the number of accounts having each', async () => {
		const plans: MeasureStats = {
			...stats,
			numbers: null,
			texts: [
				{ value: 'pro', count: 120 },
				{ value: 'basic', count: 30 }
			],
			distinct: 2
		};
		const { user, last } = setup(seats, { stats: plans });
		await user.click(screen.getByRole('radio', { name: 'Categories, yes/no' }));
		expect(last()!.scoring).toEqual({ type: 'map', map: { pro: 50, basic: 50 }, else: 0 });
		const row = screen.getByRole('textbox', { name: 'Value 1' }).closest('tr')!;
		expect(within(row).getByRole('cell', { name: '120' })).toBeInTheDocument();
		const score = screen.getByRole('spinbutton', { name: 'Score of "pro"' });
		await user.clear(score);
		await user.type(score, '90');
		expect(last()!.scoring).toMatchObject({ map: { pro: 90, basic: 50 } });
	});

	it('sets the missing-data policy', async () => {
		const { user, last } = setup();
		expect(screen.getByRole('radio', { name: /Leave it out/ })).toBeChecked();
		await user.click(screen.getByRole('radio', { name: 'Count it as a given score' }));
		expect(last()!.missing).toEqual({ policy: 'score', score: 50 });
		await user.click(screen.getByRole('radio', { name: /last known value/ }));
		expect(last()!.missing).toEqual({ policy: 'last_known', max_days: 30 });
		const days = screen.getByRole('spinbutton', { name: 'At most this many days old' });
		await user.clear(days);
		await user.type(days, '14');
		expect(last()!.missing).toEqual({ policy: 'last_known', max_days: 14 });
		await user.click(screen.getByRole('radio', { name: /Leave it out/ }));
		expect('missing' in last()!).toBe(false);
	});

	it('makes a measure manual, reading its latest entry, and gives its value back when not', async () => {
		const { user, last } = setup();
		await user.click(screen.getByRole('checkbox', { name: /Entered by a person/ }));
		expect(last()).toMatchObject({
			value: { var: 'manual.seat_penetration' },
			manual: { validity_days: 35 }
		});
		const validity = screen.getByRole('spinbutton', { name: 'An entry is valid for (days)' });
		await user.clear(validity);
		await user.type(validity, '31');
		expect(last()!.manual).toEqual({ validity_days: 31 });
		await user.click(screen.getByRole('checkbox', { name: /Entered by a person/ }));
		expect(last()!.value).toEqual(seats.value);
		expect('manual' in last()!).toBe(false);
	});

	it('reads a value from a field, and adds time decay', async () => {
		const { user, last } = setup(seats, { fields: ['active_days_30d', 'seats_active'] });
		await user.selectOptions(
			screen.getByRole('combobox', { name: 'Read a field' }),
			'active_days_30d'
		);
		expect(last()!.value).toEqual({ var: 'active_days_30d' });
		await user.click(screen.getByRole('checkbox', { name: 'Time decay' }));
		expect(last()!.decay).toEqual({ periods: 6 });
	});

	it('shows the coverage of the data, with stale entries of a manual measure', () => {
		setup({ ...seats, manual: { validity_days: 30 } }, { stats });
		expect(screen.getByRole('meter', { name: 'Coverage of Seat penetration' })).toHaveAttribute(
			'aria-valuetext',
			'75%'
		);
		expect(
			screen.getByText('75% of the 200 accounts behind the scorecard have a value')
		).toBeInTheDocument();
		expect(screen.getByText('150 with a value · 40 missing')).toBeInTheDocument();
		expect(screen.getByText('10 stale entries (older than 30 days)')).toBeInTheDocument();
		expect(
			screen.getByRole('img', { name: /Score by value of Seat penetration/ })
		).toHaveAccessibleName(/150 accounts, from 0 to 1/);
	});

	it('ends the undo step when a field loses focus', async () => {
		const { user, oncommit } = setup();
		await user.click(screen.getByRole('spinbutton', { name: 'Threshold of step 1' }));
		oncommit.mockClear();
		await user.tab();
		expect(oncommit).toHaveBeenCalled();
	});
});
