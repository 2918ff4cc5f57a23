import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { shippedScorecards } from '$lib/engine/sample';
import { newPlay, PlayEditor } from '$lib/state/plays/play-editor.svelte';
import ActionsEditor from './ActionsEditor.svelte';

function setup() {
	const user = userEvent.setup();
	const editor = new PlayEditor(newPlay('p'));
	render(ActionsEditor, { editor });
	return { user, editor };
}

// User events in jsdom are slow on a loaded machine: a journey can take several seconds.
describe('the actions editor', { timeout: 30_000 }, () => {
	it('adds an email and a task action, edits them, and moves and removes them', async () => {
		const { user, editor } = setup();
		await user.click(screen.getByRole('button', { name: 'Add an action' }));
		const email = screen.getByRole('group', { name: 'Action 2: Email' });
		await user.selectOptions(within(email).getByLabelText('Recipients'), 'role');
		await user.clear(within(email).getByLabelText('Role'));
		await user.type(within(email).getByLabelText('Role'), 'champion');
		expect(editor.play.actions[1]).toEqual({
			type: 'email',
			template: 'content-nurture',
			to: 'role:champion'
		});

		await user.selectOptions(screen.getByLabelText('Add an action'), 'task');
		await user.click(screen.getByRole('button', { name: 'Add an action' }));
		const task = screen.getByRole('group', { name: 'Action 3: CSM task' });
		await user.type(within(task).getByLabelText('Title'), 'Call the champion');
		expect(editor.play.actions[2]).toMatchObject({ type: 'task', title: 'Call the champion' });

		await user.click(screen.getByRole('button', { name: 'Move action 3 up' }));
		expect(editor.play.actions.map((a) => a.type)).toEqual(['task', 'task', 'email']);
		await user.click(screen.getByRole('button', { name: 'Remove action 1' }));
		expect(editor.play.actions.map((a) => a.type)).toEqual(['task', 'email']);
	});

	it('shows what is wrong next to the action it is about', async () => {
		const { user, editor } = setup();
		const task = screen.getByRole('group', { name: 'Action 1: CSM task' });
		await user.clear(within(task).getByLabelText('Title'));
		expect(editor.validate(shippedScorecards())).toBe(false);
		flushSync();
		expect(within(task).getByRole('alert')).toHaveTextContent('Must not be empty.');
		expect(editor.issues.map((issue) => issue.path)).toEqual(['actions[0].title']);

		await user.click(screen.getByRole('button', { name: 'Remove action 1' }));
		editor.validate(shippedScorecards());
		flushSync();
		expect(screen.getByRole('alert')).toHaveTextContent('Add at least one action.');
	});
});

describe('an email action’s template', { timeout: 30_000 }, () => {
	const templates = [
		{ id: 'content-nurture', subject: '{{ account.name }}: resources picked for you' },
		{ id: 'training-invitation', subject: '{{ account.name }}: a free training session' }
	];

	it('is picked from the list of templates by id and subject, with a link to edit it', async () => {
		const user = userEvent.setup();
		const editor = new PlayEditor({
			...newPlay('p'),
			actions: [{ type: 'email', template: 'content-nurture', to: 'contacts' }]
		});
		render(ActionsEditor, { editor, templates });
		const email = screen.getByRole('group', { name: 'Action 1: Email' });
		const picker = within(email).getByRole('combobox', { name: 'Template' });
		expect(
			[...picker.querySelectorAll('option')].map((option) => option.textContent?.trim())
		).toEqual([
			'content-nurture — {{ account.name }}: resources picked for you',
			'training-invitation — {{ account.name }}: a free training session'
		]);
		await user.selectOptions(picker, 'training-invitation');
		expect(editor.play.actions[0]).toMatchObject({ template: 'training-invitation' });
		expect(editor.dirty).toBe(true);
		expect(
			within(email).getByRole('link', { name: 'Edit template training-invitation' })
		).toHaveAttribute('href', '/templates/training-invitation');
	});

	it('keeps a template the list lacks, marked, without a link', () => {
		const editor = new PlayEditor({
			...newPlay('p'),
			actions: [{ type: 'email', template: 'gone', to: 'contacts' }]
		});
		render(ActionsEditor, { editor, templates });
		const email = screen.getByRole('group', { name: 'Action 1: Email' });
		expect(within(email).getByRole('combobox', { name: 'Template' })).toHaveDisplayValue(
			'gone (no such template)'
		);
		expect(within(email).queryByRole('link')).toBeNull();
	});
});
