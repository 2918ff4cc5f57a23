import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { shippedScorecards } from '$lib/engine/sample';
import type { ScorecardBuilder } from '$lib/state/builder/builder.svelte';
import BuilderHarness from './BuilderHarness.svelte';

function setup() {
	const user = userEvent.setup();
	let builder!: ScorecardBuilder;
	render(BuilderHarness, {
		scorecard: shippedScorecards()[0]!,
		part: 'bands',
		onready: (b: ScorecardBuilder) => (builder = b)
	});
	const table = screen.getByRole('table', { name: 'Overall health bands, lowest first' });
	const row = (band: string) =>
		table.querySelector<HTMLTableRowElement>(`tr[data-band="${band}"]`)!;
	const bands = () => builder.scorecard.bands!.map((band) => [band.name, band.min]);
	return { user, table, row, bands, builder: () => builder };
}

describe('the band editor', () => {
	it('shows each band with its threshold and the range of scores it gets', () => {
		const { row } = setup();
		expect(within(row('Red')).getByText('0 to under 40')).toBeInTheDocument();
		expect(within(row('Green')).getByText('80 to 100')).toBeInTheDocument();
		expect(screen.getByLabelText('Threshold of Yellow')).toHaveValue(60);
	});

	it('moves a threshold: the ranges follow, and one undo takes the whole typing back', async () => {
		const { user, row, bands, builder } = setup();
		const yellow = screen.getByLabelText('Threshold of Yellow');
		await user.clear(yellow);
		await user.type(yellow, '65');
		expect(bands()).toEqual([
			['Red', 0],
			['Orange', 40],
			['Yellow', 65],
			['Green', 80]
		]);
		expect(within(row('Orange')).getByText('40 to under 65')).toBeInTheDocument();
		await user.tab();
		flushSync(() => builder().undo());
		expect(screen.getByLabelText('Threshold of Yellow')).toHaveValue(60);
		expect(builder().canUndo).toBe(false);
	});

	it('renames, recolours, adds and removes bands', async () => {
		const { user, bands, builder } = setup();
		const name = screen.getByLabelText('Name of band 4');
		await user.clear(name);
		await user.type(name, 'Healthy');
		expect(builder().scorecard.bands![3]).toMatchObject({ name: 'Healthy', min: 80 });

		await user.click(screen.getByRole('button', { name: 'Add band' }));
		expect(bands()).toEqual([
			['Red', 0],
			['Band 5', 20],
			['Orange', 40],
			['Yellow', 60],
			['Healthy', 80]
		]);
		await user.click(screen.getByRole('button', { name: 'Remove Red' }));
		expect(bands().map(([band]) => band)).toEqual(['Band 5', 'Orange', 'Yellow', 'Healthy']);
		expect(screen.getByLabelText('Colour of Orange')).toHaveValue('#ef6c00');
	});

	it('says what is wrong with a band beside it, without colour alone', async () => {
		const { user, row } = setup();
		await user.clear(screen.getByLabelText('Name of band 2'));
		expect(within(row('')).getByRole('alert')).toHaveTextContent('A band needs a name.');
		const green = screen.getByLabelText('Threshold of Green');
		await user.clear(green);
		await user.type(green, '60');
		expect(within(row('Green')).getByRole('alert')).toHaveTextContent(
			'Another band starts at the same score'
		);
		expect(screen.getByLabelText('Threshold of Green')).toHaveAttribute('aria-invalid', 'true');
	});
});
