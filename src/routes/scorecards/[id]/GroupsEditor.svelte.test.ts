import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Play, Scorecard } from '$lib/engine';
import { shippedPlays, shippedScorecards } from '$lib/engine/sample';
import type { ScorecardBuilder } from '$lib/state/builder/builder.svelte';
import BuilderHarness from './BuilderHarness.svelte';

const empty = (): Scorecard => ({
	id: 'built',
	name: 'Built',
	groups: [{ id: 'group_1', name: 'Deployment', weight: 1, measures: [] }]
});

function setup(
	scorecard: Scorecard = shippedScorecards()[0]!,
	options: { published?: Scorecard; plays?: Play[] } = {}
) {
	const user = userEvent.setup();
	let builder!: ScorecardBuilder;
	render(BuilderHarness, {
		scorecard,
		part: 'compose',
		onready: (b: ScorecardBuilder) => (builder = b),
		published: options.published ?? null,
		plays: options.plays ?? []
	});
	/** The shares shown in a list of weights (group headers, or one group's measures). */
	const shown = (root: HTMLElement, selector: string) =>
		[...root.querySelectorAll<HTMLElement>(`${selector} output[data-share]`)].map((output) =>
			Number(output.dataset.share)
		);
	const groupShares = () => shown(document.body, '.group > header');
	const measureShares = (group: string) =>
		shown(screen.getByRole('list', { name: `Measures of ${group}` }), 'li');
	const zone = (group: string) => screen.getByRole('list', { name: `Measures of ${group}` });
	const measuresIn = (group: string) =>
		[...zone(group).querySelectorAll<HTMLElement>('li')].map((li) => li.dataset.measure);
	/**
	 * Tab, during a keyboard drag, as a browser does it: the controls between the zones are
	 * `inert` then, so Tab lands on the next group's zone. jsdom ignores `inert` (it would stop on
	 * those controls), so the test focuses the zone itself; the end-to-end test presses Tab.
	 */
	const tabTo = async (group: string) => {
		zone(group).focus();
		// The move is committed in a microtask, then rendered.
		await new Promise((resolve) => setTimeout(resolve, 0));
	};
	return { user, groupShares, measureShares, measuresIn, zone, tabTo, builder: () => builder };
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('weights', () => {
	it('show each group’s share, always adding up to 100 % as weights change', async () => {
		const { user, groupShares } = setup();
		expect(groupShares()).toEqual([50, 50]);
		const adoption = screen.getByRole('spinbutton', { name: 'Weight of Adoption' });
		await user.clear(adoption);
		await user.type(adoption, '70');
		expect(groupShares()).toEqual([42, 58]);
		await user.click(screen.getByRole('button', { name: 'Add group' }));
		expect(groupShares()).toEqual([41, 58, 1]);
		for (const name of ['Deployment', 'Adoption', 'Group 3']) {
			const field = screen.getByRole('spinbutton', { name: `Weight of ${name}` });
			await user.clear(field);
			await user.type(field, '1');
			expect(sum(groupShares())).toBe(100);
		}
		expect(groupShares()).toEqual([34, 33, 33]);
		expect(screen.getByTestId('group-shares')).toHaveTextContent(
			'Deployment 34 % · Adoption 33 % · Group 3 33 %'
		);
	});

	it('move with the slider’s arrow keys too', async () => {
		const { user, builder } = setup();
		const slider = screen.getByRole('slider', { name: 'Weight of Deployment' });
		slider.focus();
		await user.keyboard('{ArrowRight}{ArrowRight}');
		expect(builder().scorecard.groups[0]!.weight).toBe(52);
		// Each key press is a movement of its own, and one undo step.
		builder().undo();
		expect(builder().scorecard.groups[0]!.weight).toBe(51);
	});

	it('refuse a weight past 1,000,000 in the field itself, keeping the one that holds', async () => {
		const { user, builder, groupShares } = setup();
		const field = screen.getByRole('spinbutton', { name: 'Weight of Adoption' });
		const weight = field.parentElement!;
		await user.clear(field);
		// Pasted at once: typed, each prefix that is a valid weight ("1", "1e3") would apply.
		await user.paste('1e308');
		expect(within(weight).getByRole('alert')).toHaveTextContent(
			'Not applied: a weight is from 0 to 1,000,000. It stays 50.'
		);
		expect(field).toHaveAttribute('aria-invalid', 'true');
		expect(builder().scorecard.groups[1]!.weight).toBe(50);
		expect(groupShares()).toEqual([50, 50]);
		await user.clear(field);
		await user.type(field, '3');
		expect(within(weight).queryByRole('alert')).toBeNull();
		expect(builder().scorecard.groups[1]!.weight).toBe(3);
	});

	it('show each measure’s share of its group, adding up to 100 %', async () => {
		const { user, measureShares } = setup(empty());
		for (const name of ['Seat penetration', 'Licences unassigned', 'Login frequency'])
			await user.click(screen.getByRole('button', { name: `Add ${name} to Deployment` }));
		expect(measureShares('Deployment')).toEqual([34, 33, 33]);
		const field = screen.getByRole('spinbutton', { name: 'Weight of Seat penetration' });
		await user.clear(field);
		await user.type(field, '2');
		expect(measureShares('Deployment')).toEqual([50, 25, 25]);
		await user.click(screen.getByRole('button', { name: 'Remove Licences unassigned' }));
		expect(measureShares('Deployment')).toEqual([67, 33]);
	});
});

describe('composing without a mouse', () => {
	it('takes a palette measure into a group with Enter, Tab and Enter, announced, and undoes it at once', async () => {
		const { user, measuresIn, tabTo, builder } = setup(empty());
		await user.click(screen.getByRole('button', { name: 'Add group' }));
		const item = screen.getByRole('listitem', { name: 'Active days in the last 30' });
		item.focus();
		await user.keyboard('{Enter}');
		const alert = document.getElementById('dnd-action-aria-alert')!;
		expect(alert).toHaveTextContent('Picked up Active days in the last 30');
		await tabTo('Deployment');
		expect(measuresIn('Deployment')).toEqual(['active_days']);
		expect(alert).toHaveTextContent(
			'Active days in the last 30 moved to the start of Measures of Deployment'
		);
		await tabTo('Group 2');
		expect(measuresIn('Deployment')).toEqual([]);
		expect(measuresIn('Group 2')).toEqual(['active_days']);
		await user.keyboard('{Enter}');
		expect(alert).toHaveTextContent('Active days in the last 30 dropped in Measures of Group 2');
		// The palette keeps its measure.
		expect(screen.getAllByRole('listitem', { name: 'Active days in the last 30' })).toHaveLength(2);
		expect(builder().scorecard.groups.map((g) => g.measures.map((m) => m.id))).toEqual([
			[],
			['active_days']
		]);
		// The whole drag is one step.
		builder().undo();
		expect(builder().canUndo).toBe(true);
		expect(builder().undoLabel).toBe('add group Group 2');
	});

	it('moves a measure to another group and within it with the arrow keys', async () => {
		const { user, measuresIn, tabTo } = setup();
		await user.click(screen.getByRole('button', { name: 'Add Seat penetration to Deployment' }));
		expect(measuresIn('Deployment')).toEqual(['seat_penetration', 'seat_penetration_2']);
		const [, second] = within(
			screen.getByRole('list', { name: 'Measures of Deployment' })
		).getAllByRole('listitem');
		second!.focus();
		await user.keyboard('{Enter}{ArrowUp}');
		expect(measuresIn('Deployment')).toEqual(['seat_penetration_2', 'seat_penetration']);
		await tabTo('Adoption');
		expect(measuresIn('Adoption')).toEqual(['seat_penetration_2', 'active_days']);
		await user.keyboard('{ArrowDown}{Enter}');
		expect(measuresIn('Deployment')).toEqual(['seat_penetration']);
		expect(measuresIn('Adoption')).toEqual(['active_days', 'seat_penetration_2']);
	});
});

describe('group ids', () => {
	it('come from the name as it is typed, the focus staying in the name', async () => {
		const { user, builder } = setup(empty());
		await user.click(screen.getByRole('button', { name: 'Add group' }));
		// The new group's name is focused and selected: typing names it.
		const name = screen.getByRole('textbox', { name: 'Name of group 2' });
		expect(name).toHaveFocus();
		expect(screen.getByRole('textbox', { name: 'Id of group 2' })).toHaveValue('group_2');
		await user.keyboard('Adoption');
		expect(name).toHaveValue('Adoption');
		expect(name).toHaveFocus();
		expect(screen.getByRole('textbox', { name: 'Id of group 2' })).toHaveValue('adoption');
		expect(screen.getByText(/Plays read it as score\.groups\.adoption\./)).toBeInTheDocument();
		expect(builder().scorecard.groups.map((group) => group.id)).toEqual(['group_1', 'adoption']);
	});

	it('are checked as typed, applied when valid, and say why not beside the field', async () => {
		const { user, builder } = setup(empty());
		/** The field's own message (the drag-and-drop library has an alert region of its own). */
		const problem = () =>
			screen.queryAllByRole('alert').find((alert) => alert.textContent!.startsWith('Not applied'));
		const field = screen.getByRole('textbox', { name: 'Id of group 1' });
		await user.clear(field);
		expect(field).toHaveAttribute('aria-invalid', 'true');
		expect(problem()).toHaveTextContent('Not applied: an id cannot be empty. It stays “group_1”.');
		await user.type(field, '2nd');
		expect(problem()).toHaveTextContent(
			'Not applied: use letters, digits, “_” or “-”, starting with a letter or “_”. It stays “group_1”.'
		);
		expect(field).toHaveAccessibleDescription(/Not applied: use letters/);
		expect(builder().scorecard.groups[0]!.id).toBe('group_1');
		await user.clear(field);
		await user.type(field, 'usage');
		// Valid, applied on Enter (or when the field is left).
		expect(field).toHaveAttribute('aria-invalid', 'false');
		expect(builder().scorecard.groups[0]!.id).toBe('group_1');
		await user.keyboard('{Enter}');
		expect(problem()).toBeUndefined();
		expect(builder().scorecard.groups[0]!.id).toBe('usage');
		// Set by hand: a rename no longer moves it.
		const name = screen.getByRole('textbox', { name: 'Name of group 1' });
		await user.clear(name);
		await user.type(name, 'Adoption');
		expect(builder().scorecard.groups[0]).toMatchObject({ id: 'usage', name: 'Adoption' });

		await user.click(screen.getByRole('button', { name: 'Add group' }));
		const second = screen.getByRole('textbox', { name: 'Id of group 2' });
		await user.clear(second);
		await user.type(second, 'usage');
		expect(problem()).toHaveTextContent('Not applied: another group has the id “usage”. It stays');
		await user.keyboard('{Escape}');
		expect(second).toHaveValue('group_2');
		expect(problem()).toBeUndefined();
	});

	it('of a published scorecard stay on rename, and changing one says which plays read it', async () => {
		const scale = shippedScorecards()[0]!;
		const { user, builder } = setup(scale, { published: scale, plays: shippedPlays() });
		const name = screen.getByRole('textbox', { name: 'Name of group 2' });
		await user.clear(name);
		await user.type(name, 'Usage');
		expect(builder().scorecard.groups[1]).toMatchObject({ id: 'adoption', name: 'Usage' });
		expect(screen.queryByText(/enabled plays read/)).toBeNull();
		const field = screen.getByRole('textbox', { name: 'Id of group 2' });
		await user.clear(field);
		await user.type(field, 'usage');
		await user.tab();
		expect(builder().scorecard.groups[1]!.id).toBe('usage');
		expect(field).toHaveAccessibleDescription(
			/Published scorecard: 2 enabled plays read score\.groups\.adoption \(Scale: invite low-adoption accounts to a live training, Scale: invite well-deployed, middling-adoption accounts to the community\)/
		);
	});
});
