/** Driving the condition builder in component tests. */
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { expect } from 'vitest';
import type { Field } from '$lib/engine/conditions';
import type { Logic } from '$lib/engine/logic';
import BuilderHarness from './BuilderHarness.svelte';

export const FIELDS: Field[] = [
	{ path: 'arr', label: 'ARR', type: 'number' },
	{ path: 'now', label: 'Today', type: 'date' },
	{ path: 'qbr_attended', label: 'QBR attended', type: 'boolean' },
	{ path: 'renewal_date', label: 'Renewal date', type: 'date' },
	{ path: 'segment', label: 'Segment', type: 'text', values: ['enterprise', 'mid', 'scale'] },
	{ path: 'seats_active', label: 'Seats active', type: 'number' },
	{ path: 'seats_purchased', label: 'Seats purchased', type: 'number' }
];

/** The builder in its harness, with helpers to drive it as a user would. */
export function setup(
	options: { initial?: Logic; replacement?: Logic; fields?: readonly Field[] } = {}
) {
	const { initial, replacement, fields = FIELDS } = options;
	const user = userEvent.setup();
	const changes: Logic[] = [];
	render(BuilderHarness, {
		initial,
		fields,
		onchange: (value: Logic) => changes.push(value),
		replacement
	});
	const textarea = screen.getByRole('textbox', { name: 'JSON-logic' }) as HTMLTextAreaElement;
	const value = () => JSON.parse(screen.getByTestId('value').textContent || 'null');
	const condition = (position: string) =>
		screen.getByRole('group', { name: `Condition ${position}` });
	/**
	 * Picks a field in a combobox by typing part of its name and pressing Enter. (jsdom never lays
	 * the list out, so it stays `visibility: hidden`: the options are found by their text.)
	 */
	const pick = async (combobox: HTMLElement, search: string, label: string) => {
		await user.click(combobox);
		await user.keyboard(search);
		const list = document.getElementById(combobox.getAttribute('aria-controls') ?? '')!;
		const options = within(list).getAllByRole('option', { hidden: true });
		expect(options[0]?.textContent).toMatch(new RegExp(`^\\s*${label}\\b`));
		expect(options[0]).toHaveAttribute('data-highlighted');
		await user.keyboard('{Enter}');
		expect(combobox).toHaveValue(label);
	};
	const paste = async (text: string) => {
		await user.clear(textarea);
		await user.click(textarea);
		await user.paste(text);
	};
	return { user, changes, textarea, value, condition, pick, paste };
}

/** The JSON pane's status line. */
export const status = () => screen.getByRole('status');
