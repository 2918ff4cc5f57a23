import { screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { setup, status } from './testing';

// Role queries over the whole builder are slow in jsdom: a journey can take several seconds.
describe('ConditionBuilder', { timeout: 30_000 }, () => {
	it('builds "segment is scale AND seats_active / seats_purchased ≥ 0.6" and emits its JSON-logic', async () => {
		const { user, changes, textarea, value, condition, pick } = setup();
		expect(screen.getByText('No conditions yet: this always holds.')).toBeInTheDocument();

		await user.click(screen.getByRole('button', { name: 'Add condition' }));
		const first = condition('1');
		await pick(within(first).getByRole('combobox', { name: 'Field' }), 'seg', 'Segment');
		expect(within(first).getByRole('combobox', { name: 'Operator' })).toHaveDisplayValue('is');
		await user.type(within(first).getByRole('combobox', { name: 'Compared with' }), 'scale');

		await user.click(screen.getByRole('button', { name: 'Add condition' }));
		const second = condition('2');
		await user.selectOptions(
			within(second).getByRole('combobox', { name: 'Left side' }),
			'a calculation'
		);
		await pick(
			within(second).getByRole('combobox', { name: 'Left side, first term' }),
			'active',
			'Seats active'
		);
		await user.selectOptions(
			within(second).getByRole('combobox', { name: 'Left side, operation' }),
			'÷ divided by'
		);
		await pick(
			within(second).getByRole('combobox', { name: 'Left side, second term' }),
			'purch',
			'Seats purchased'
		);
		await user.selectOptions(
			within(second).getByRole('combobox', { name: 'Operator' }),
			'is at least (≥)'
		);
		const threshold = within(second).getByRole('textbox', { name: 'Compared with' });
		await user.clear(threshold);
		await user.type(threshold, '0.6');

		const expected = {
			and: [
				{ '==': [{ var: 'segment' }, 'scale'] },
				{ '>=': [{ '/': [{ var: 'seats_active' }, { var: 'seats_purchased' }] }, 0.6] }
			]
		};
		expect(value()).toEqual(expected);
		expect(changes.at(-1)).toEqual(expected);
		expect(JSON.parse(textarea.value)).toEqual(expected);
		expect(status()).toHaveTextContent('Shown in the visual form.');
	});

	it('shows pasted JSON-logic in the visual form, and emits it as written', async () => {
		const { changes, paste, condition } = setup();
		const rule = {
			or: [
				{ in: [{ var: 'segment' }, ['scale', 'mid']] },
				{
					'!': {
						and: [
							{ '<': [{ var: 'renewal_date' }, { var: 'now' }] },
							{ '==': [{ var: 'qbr_attended' }, false] }
						]
					}
				}
			]
		};
		await paste(JSON.stringify(rule));
		expect(changes.at(-1)).toEqual(rule);

		const root = screen.getByRole('group', { name: 'All conditions' });
		expect(within(root).getAllByRole('combobox', { name: 'Match' })[0]).toHaveDisplayValue(
			'any of these (OR)'
		);
		const first = condition('1');
		expect(within(first).getByRole('combobox', { name: 'Field' })).toHaveValue('Segment');
		expect(within(first).getByRole('combobox', { name: 'Operator' })).toHaveDisplayValue(
			'is one of'
		);
		expect(within(first).getByRole('checkbox', { name: 'scale' })).toBeChecked();
		expect(within(first).getByRole('checkbox', { name: 'mid' })).toBeChecked();
		expect(within(first).getByRole('checkbox', { name: 'enterprise' })).not.toBeChecked();

		const group = screen.getByRole('group', { name: 'Group 2' });
		expect(within(group).getByRole('checkbox', { name: 'Negate (NOT)' })).toBeChecked();
		expect(within(group).getByText('NOT')).toBeInTheDocument();
		const before = condition('2.1');
		expect(within(before).getByRole('combobox', { name: 'Operator' })).toHaveDisplayValue(
			'is before'
		);
		expect(
			within(before).getByRole('combobox', { name: 'Compared with: kind' })
		).toHaveDisplayValue('a field');
		expect(within(before).getByRole('combobox', { name: 'Compared with' })).toHaveValue('Today');
		expect(within(condition('2.2')).getByRole('combobox', { name: 'Operator' })).toHaveDisplayValue(
			'is false'
		);
		expect(status()).toHaveTextContent('Shown in the visual form.');
	});

	it('shows where pasted invalid JSON goes wrong, and changes nothing', async () => {
		const start = { '==': [{ var: 'segment' }, 'scale'] };
		const { changes, paste, textarea, value, condition } = setup({ initial: start });
		await paste('{"==": [{"var": "segment"}, ]}');
		expect(status()).toHaveTextContent(
			'Not valid JSON: unexpected “]” at line 1, column 29. Nothing was changed.'
		);
		expect(textarea).toHaveAttribute('aria-invalid', 'true');
		await paste('{"==": [{"var": "segment"}, "mid"]');
		expect(status()).toHaveTextContent(
			'Not valid JSON: the text ends too early (line 1, column 35).'
		);
		await paste('{"frobnicate": [{"var": "segment"}]}');
		expect(status()).toHaveTextContent(
			'Not valid JSON-logic: Unknown JSON-logic operator “frobnicate”'
		);

		expect(changes).toEqual([]);
		expect(value()).toEqual(start);
		expect(within(condition('1')).getByRole('combobox', { name: 'Compared with' })).toHaveValue(
			'scale'
		);

		await paste('{"==": [{"var": "segment"}, "mid"]}');
		expect(textarea).toHaveAttribute('aria-invalid', 'false');
		expect(value()).toEqual({ '==': [{ var: 'segment' }, 'mid'] });
		expect(within(condition('1')).getByRole('combobox', { name: 'Compared with' })).toHaveValue(
			'mid'
		);
	});

	it('keeps JSON-logic the visual form cannot show as JSON, clearly marked', async () => {
		const { user, changes, paste, textarea, value } = setup();
		const rule = { if: [{ var: 'qbr_attended' }, true, { '>': [{ var: 'arr' }, 1000] }] };
		await paste(JSON.stringify(rule));
		expect(changes.at(-1)).toEqual(rule);
		expect(value()).toEqual(rule);
		expect(status()).toHaveTextContent('Shown as JSON only');
		const visual = screen.getByRole('region', { name: 'Visual form' });
		expect(within(visual).getByText('Shown as JSON only')).toBeInTheDocument();
		expect(visual).toHaveTextContent('the operator “if” has no place in the visual form');
		expect(within(visual).queryByRole('button', { name: 'Add condition' })).not.toBeInTheDocument();
		expect(JSON.parse(textarea.value)).toEqual(rule);

		await user.click(
			within(visual).getByRole('button', { name: 'Replace it with an empty condition' })
		);
		expect(value()).toBe(true);
		expect(screen.getByText('No conditions yet: this always holds.')).toBeInTheDocument();
	});

	it('says what a comparison does with accounts without a value, and offers "is empty"', async () => {
		const { user, value, condition, pick } = setup();
		await user.click(screen.getByRole('button', { name: 'Add condition' }));
		const first = condition('1');
		await pick(within(first).getByRole('combobox', { name: 'Field' }), 'ARR', 'ARR');
		const operator = within(first).getByRole('combobox', { name: 'Operator' });
		expect(operator).toHaveDisplayValue('is less than (<)');
		expect(operator).toHaveAccessibleDescription(
			'Accounts without a value never match; use “is empty” to find them.'
		);

		await user.selectOptions(operator, 'is empty');
		expect(value()).toEqual({ '==': [{ var: 'arr' }, null] });
		expect(within(first).queryByRole('textbox', { name: 'Compared with' })).toBeNull();
		expect(operator).not.toHaveAccessibleDescription();

		// Every type offers it; a text field keeps it when picked.
		await pick(within(first).getByRole('combobox', { name: 'Field' }), 'seg', 'Segment');
		expect(value()).toEqual({ '==': [{ var: 'segment' }, null] });
		await user.selectOptions(operator, 'is not empty');
		expect(value()).toEqual({ '!=': [{ var: 'segment' }, null] });
		await user.selectOptions(operator, 'is not');
		expect(operator).toHaveAccessibleDescription(
			'Accounts without a value match too; add “is not empty” to leave them out.'
		);
	});

	it('shows the shipped plays’ "has a value" guard in the visual form', async () => {
		const { condition } = setup({
			initial: {
				and: [{ '!=': [{ var: 'seats_active' }, null] }, { '<': [{ var: 'seats_active' }, 5] }]
			}
		});
		expect(within(condition('1')).getByRole('combobox', { name: 'Operator' })).toHaveDisplayValue(
			'is not empty'
		);
		expect(within(condition('2')).getByRole('combobox', { name: 'Operator' })).toHaveDisplayValue(
			'is less than (<)'
		);
	});

	it('follows its value when the caller changes it (an undo, say)', async () => {
		const { user, condition, textarea } = setup({
			initial: { '<=': [0, { '/': [{ var: 'seats_active' }, { var: 'seats_purchased' }] }, 0.5] },
			replacement: { '==': [{ var: 'qbr_attended' }, true] }
		});
		const range = condition('1');
		expect(within(range).getByRole('combobox', { name: 'Operator' })).toHaveDisplayValue(
			'is between'
		);
		expect(within(range).getByRole('combobox', { name: 'Left side, first term' })).toHaveValue(
			'Seats active'
		);
		expect(within(range).getByRole('textbox', { name: 'To' })).toHaveValue('0.5');
		await user.click(screen.getByRole('button', { name: 'Replace from outside' }));
		expect(within(condition('1')).getByRole('combobox', { name: 'Operator' })).toHaveDisplayValue(
			'is true'
		);
		expect(JSON.parse(textarea.value)).toEqual({ '==': [{ var: 'qbr_attended' }, true] });
	});
});
