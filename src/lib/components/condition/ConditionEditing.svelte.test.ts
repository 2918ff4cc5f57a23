import { screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { dayNumber, type Field } from '$lib/engine/conditions';
import { setup, status } from './testing';

// Role queries over the whole builder are slow in jsdom: a journey can take several seconds.
describe('editing conditions', { timeout: 30_000 }, () => {
	it('takes the keyboard to each new condition and builds a date window with it', async () => {
		const { user, value, condition } = setup();
		screen.getByRole('button', { name: 'Add condition' }).focus();
		await user.keyboard('{Enter}');
		const first = condition('1');
		const field = within(first).getByRole('combobox', { name: 'Field' });
		expect(field).toHaveFocus();
		await user.keyboard('renew{Enter}');
		expect(field).toHaveValue('Renewal date');
		const operator = within(first).getByRole('combobox', { name: 'Operator' });
		expect([...operator.querySelectorAll('option')].map((option) => option.textContent)).toEqual([
			'is before',
			'is after',
			'is within the last',
			'is within the next',
			'is empty',
			'is not empty'
		]);
		await user.selectOptions(operator, 'is within the next');
		const days = within(first).getByRole('textbox', { name: 'Days' });
		await user.clear(days);
		await user.type(days, '60');
		expect(within(first).getByRole('combobox', { name: 'Counted from' })).toHaveDisplayValue(
			'Today'
		);
		expect(value()).toEqual({
			'<=': [-60, { '-': [dayNumber({ var: 'now' }), dayNumber({ var: 'renewal_date' })] }, 0]
		});
		expect(status()).toHaveTextContent('Shown in the visual form.');
	});

	it('nests groups with NOT and OR, written out in words', async () => {
		const { user, value, condition } = setup({
			initial: { '==': [{ var: 'qbr_attended' }, true] }
		});
		await user.click(screen.getByRole('button', { name: 'Add group' }));
		const group = screen.getByRole('group', { name: 'Group 2' });
		await user.selectOptions(
			within(group).getByRole('combobox', { name: 'Match' }),
			'any of these (OR)'
		);
		within(group).getByRole('checkbox', { name: 'Negate (NOT)' }).focus();
		await user.keyboard(' ');
		expect(within(group).getByText('NOT')).toBeInTheDocument();
		expect(within(group).getByText('No conditions yet: this never holds.')).toBeInTheDocument();
		await user.click(within(group).getByRole('button', { name: 'Add condition' }));
		await user.click(within(group).getByRole('button', { name: 'Add condition' }));
		expect(within(group).getAllByText('or')).toHaveLength(1);
		expect(value()).toEqual({
			and: [
				{ '==': [{ var: 'qbr_attended' }, true] },
				{ '!': { or: [{ '<': [{ var: 'arr' }, 0] }, { '<': [{ var: 'arr' }, 0] }] } }
			]
		});

		await user.click(
			within(condition('2.1')).getByRole('button', { name: 'Remove condition 2.1' })
		);
		expect(within(group).getByRole('button', { name: 'Add condition' })).toHaveFocus();
		await user.click(within(group).getByRole('button', { name: 'Remove group 2' }));
		expect(value()).toEqual({ '==': [{ var: 'qbr_attended' }, true] });
	});

	it('keeps the last number while what is typed is not one, and says so', async () => {
		const { user, value, condition } = setup({ initial: { '>': [{ var: 'arr' }, 5] } });
		const number = within(condition('1')).getByRole('textbox', { name: 'Compared with' });
		await user.clear(number);
		await user.type(number, '1e');
		expect(number).toHaveAttribute('aria-invalid', 'true');
		expect(screen.getByText('Not a number: the last number entered is kept.')).toBeInTheDocument();
		expect(value()).toEqual({ '>': [{ var: 'arr' }, 1] });
		await user.type(number, '3');
		expect(value()).toEqual({ '>': [{ var: 'arr' }, 1000] });
	});

	it('works over the score context of plays, with dotted paths', async () => {
		const fields: Field[] = [
			{ path: 'account.segment', label: 'Segment', type: 'text', values: ['mid', 'scale'] },
			{ path: 'score.overall', label: 'Overall score', type: 'number' },
			{ path: 'score.band', label: 'Band', type: 'text', values: ['Green', 'Red'] },
			{ path: 'score.groups.adoption', label: 'Adoption', type: 'number' },
			{ path: 'score.delta_30d', label: 'Change over 30 days', type: 'number' },
			{ path: 'days_to_renewal', label: 'Days to renewal', type: 'number' },
			{ path: 'contacts', label: 'Contacts', type: 'number' },
			{ path: 'now', label: 'Today', type: 'date' }
		];
		const { user, value, condition, pick } = setup({ fields });
		await user.click(screen.getByRole('button', { name: 'Add condition' }));
		await pick(
			within(condition('1')).getByRole('combobox', { name: 'Field' }),
			'groups.adop',
			'Adoption'
		);
		const threshold = within(condition('1')).getByRole('textbox', { name: 'Compared with' });
		await user.clear(threshold);
		await user.type(threshold, '40');
		await user.click(screen.getByRole('button', { name: 'Add condition' }));
		await pick(within(condition('2')).getByRole('combobox', { name: 'Field' }), 'band', 'Band');
		await user.selectOptions(
			within(condition('2')).getByRole('combobox', { name: 'Operator' }),
			'is one of'
		);
		await user.click(within(condition('2')).getByRole('checkbox', { name: 'Red' }));
		expect(value()).toEqual({
			and: [
				{ '<': [{ var: 'score.groups.adoption' }, 40] },
				{ in: [{ var: 'score.band' }, ['Red']] }
			]
		});
	});
});
