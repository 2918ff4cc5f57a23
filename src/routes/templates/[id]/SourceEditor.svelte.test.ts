import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Placeholder, TemplateProblem } from '$lib/mail';
import SourceHarness from './SourceHarness.svelte';

const SOURCE =
	'<mjml>\n<mj-body>\n<mj-section>\n<mj-colum></mj-colum>\n</mj-section>\n</mj-body>\n</mjml>';

function setup(problems: TemplateProblem[] = [], placeholders: Placeholder[] = []) {
	const user = userEvent.setup();
	const model = $state({ value: SOURCE });
	render(SourceHarness, { model, problems, placeholders });
	const textarea = screen.getByLabelText('MJML source') as HTMLTextAreaElement;
	return { user, model, textarea };
}

describe('the MJML source editor', () => {
	it('lists problems by line, marks their lines, and puts the caret on a line when one is clicked', async () => {
		const { user, textarea } = setup([
			{ kind: 'mjml', line: 4, message: 'mj-colum is not a known element' },
			{ kind: 'liquid', line: 6, message: 'tag "endif" not found' }
		]);
		expect(textarea).toHaveValue(SOURCE);
		expect(textarea).toHaveAttribute('aria-invalid', 'true');
		const line4 = screen.getByRole('button', { name: 'Line 4: mj-colum is not a known element' });
		expect(screen.getByRole('button', { name: 'Line 6: tag "endif" not found' })).toBeVisible();

		const marked = document.querySelectorAll('.gutter li.problem');
		expect([...marked].map((li) => li.textContent)).toEqual(['4', '6']);
		expect(document.querySelectorAll('.gutter li')).toHaveLength(7);

		await user.click(line4);
		expect(textarea).toHaveFocus();
		expect(textarea.selectionStart).toBe(SOURCE.indexOf('<mj-colum>'));
	});

	it('says so when there is nothing wrong', () => {
		const { textarea } = setup();
		expect(textarea).toHaveAttribute('aria-invalid', 'false');
		expect(screen.getByText('No problems found.')).toBeVisible();
	});

	it('changes the bound value as the user types, and inserts a placeholder at the caret', async () => {
		const { user, model, textarea } = setup(
			[],
			[
				{ path: 'contact.first_name', value: 'Ana' },
				{ path: 'account.name', value: '' }
			]
		);
		await user.clear(textarea);
		await user.type(textarea, '<mjml>Hi </mjml>');
		expect(model.value).toBe('<mjml>Hi </mjml>');
		expect(document.querySelectorAll('.gutter li')).toHaveLength(1);

		textarea.setSelectionRange(9, 9);
		const list = screen.getByRole('region', { name: 'Placeholders' });
		expect(within(list).getByText('Ana')).toBeVisible();
		expect(within(list).getByText('(empty)')).toBeVisible();
		await user.click(within(list).getByRole('button', { name: 'contact.first_name' }));
		expect(model.value).toBe('<mjml>Hi {{ contact.first_name }}</mjml>');
		expect(textarea.selectionStart).toBe(9 + '{{ contact.first_name }}'.length);
	});
});
