import { describe, expect, it, vi } from 'vitest';
import { accountContexts } from '$lib/engine';
import { checkTemplate, type MailContext } from '$lib/mail';
import { SHIPPED_TEMPLATES } from '$lib/mail/shipped';
import { renderMjml } from '$lib/server/mail/mjml';
import { exampleWorkspace } from '../../../../tests/support/workspace';
import {
	freeTemplateId,
	newTemplate,
	recipientContext,
	recipientOrder,
	sendTest,
	TemplateEditor
} from './template-editor.svelte';

const AS_OF = '2026-03-01';

function acme(): MailContext {
	const workspace = exampleWorkspace();
	const context = recipientContext({
		workspace,
		account: workspace.accounts[0]!,
		contact: workspace.contacts[0]!,
		asOf: AS_OF,
		origin: 'http://app.test'
	});
	return context!;
}

function editorFor(id = 'training-invitation') {
	const shipped = SHIPPED_TEMPLATES.find((t) => t.id === id)!;
	const editor = new TemplateEditor(shipped, {
		shipped,
		stored: false,
		loadRenderer: async () => renderMjml
	});
	editor.context = acme();
	return editor;
}

describe('template editor helpers', () => {
	it('starts a new template from a valid email with the footer and the unsubscribe link', async () => {
		const template = newTemplate('template-1');
		expect(await checkTemplate(template, renderMjml)).toEqual([]);
		expect(template.mjml).toContain('{{ unsubscribe_url }}');
		expect(template.mjml).toContain('{{ sender.postal_address }}');
		expect(freeTemplateId(['template-1', 'template-3'])).toBe('template-2');
	});

	it('puts the Scale segment first, then orders by name', () => {
		const accounts = [
			{ id: 'a', name: 'Zed', segment: 'enterprise' },
			{ id: 'b', name: 'Beta', segment: 'scale' },
			{ id: 'c', name: 'Alpha', segment: 'mid-market' },
			{ id: 'd', name: 'Acme', segment: 'Scale' }
		] as Parameters<typeof recipientOrder>[0];
		const before = accounts.map((a) => a.id);
		expect(recipientOrder(accounts).map((a) => a.id)).toEqual(['d', 'b', 'c', 'a']);
		expect(accounts.map((a) => a.id)).toEqual(before);
	});

	it('builds the context a play would render with, with preview links on this app', () => {
		const workspace = exampleWorkspace();
		const context = acme();
		expect(context.contact).toMatchObject({
			first_name: 'Ana',
			email: workspace.contacts[0]!.email
		});
		expect(context.account).toMatchObject({ id: 'acme', name: 'Acme Ltd' });
		expect(context.unsubscribe_url).toBe('http://app.test/unsubscribe/preview');
		expect(context.sender.email).toBe('you');
		const score = accountContexts(workspace, AS_OF, ['acme']).get('acme')!;
		expect(context.days_to_renewal).toBe(score.days_to_renewal);
	});

	it('sends a test through the endpoint and reports where it went, or the error', async () => {
		const context = acme();
		const template = newTemplate('t');
		const ok = vi.fn(
			async () => new Response(JSON.stringify({ to: 'ops@example.com', message_id: '<m1>' }))
		);
		expect(await sendTest(template, context, ok)).toEqual({
			status: 'sent',
			to: 'ops@example.com',
			messageId: '<m1>'
		});
		const [url, init] = ok.mock.calls[0] as unknown as [string, RequestInit];
		expect(url).toBe('/api/mail/test');
		expect(JSON.parse(String(init.body))).toEqual({ template, context });

		const refused = async () =>
			new Response(JSON.stringify({ error: 'no operator address' }), { status: 400 });
		expect(await sendTest(template, context, refused)).toEqual({
			status: 'failed',
			error: 'no operator address'
		});
		const down = async () => {
			throw new TypeError('Failed to fetch');
		};
		expect(await sendTest(template, context, down)).toEqual({
			status: 'failed',
			error: 'Failed to fetch'
		});
	});
});

describe('the template editor', () => {
	it('renders the preview for the recipient and lists the placeholders with their values', async () => {
		const editor = editorFor();
		expect(editor.dirty).toBe(false);
		expect(editor.origin).toBe('shipped');
		await editor.check();
		expect(editor.problems).toEqual([]);
		expect(editor.preview?.subject).toBe('Acme Ltd: a free training session for your team');
		expect(editor.preview?.html).toContain('Hi Ana,');
		expect(editor.placeholders).toContainEqual({ path: 'contact.first_name', value: 'Ana' });
		expect(editor.emptyPlaceholders.map((p) => p.path)).not.toContain('contact.first_name');
	});

	it('names the lines of problems after an edit, keeps the last preview, and warns of empty placeholders', async () => {
		const editor = editorFor();
		await editor.check();
		const before = editor.preview;
		editor.mjml = editor.mjml.replace('<mj-body', '{% if x %}\n<mj-colum></mj-colum>\n<mj-body');
		expect(editor.dirty).toBe(true);
		await editor.check();
		expect(editor.sourceProblems.map((p) => p.kind)).toContain('liquid');
		expect(editor.sourceProblems.every((p) => p.line > 0)).toBe(true);
		expect(editor.preview).toBe(before);

		editor.mjml = editor.mjml.replace('{% if x %}\n', '');
		editor.context = { ...acme(), contact: { ...acme().contact, first_name: '' } };
		await editor.check();
		expect(editor.sourceProblems).toContainEqual(
			expect.objectContaining({ kind: 'mjml', message: expect.stringContaining('mj-colum') })
		);
		expect(editor.emptyPlaceholders).toContainEqual({
			path: 'contact.first_name',
			hasDefault: true
		});
		expect(editor.preview?.html).toContain('Hi there,');
	});

	it('checks only once typing pauses', async () => {
		vi.useFakeTimers();
		try {
			const editor = editorFor();
			const check = vi.spyOn(editor, 'check').mockResolvedValue();
			editor.schedule();
			editor.schedule();
			vi.advanceTimersByTime(299);
			expect(check).not.toHaveBeenCalled();
			vi.advanceTimersByTime(1);
			expect(check).toHaveBeenCalledTimes(1);
			editor.schedule();
			editor.dispose();
			vi.advanceTimersByTime(1000);
			expect(check).toHaveBeenCalledTimes(1);
		} finally {
			vi.useRealTimers();
		}
	});

	it('puts the test-send status where the page can show it', async () => {
		const shipped = SHIPPED_TEMPLATES[0]!;
		const send = vi.fn(async () => ({ status: 'sent', to: 'me@x.test', messageId: 'm' }) as const);
		const editor = new TemplateEditor(shipped, { shipped, stored: true, send });
		expect(editor.origin).toBe('replaced');
		await editor.sendTest();
		expect(send).not.toHaveBeenCalled();
		editor.context = acme();
		await editor.sendTest();
		expect(editor.testSend).toEqual({ status: 'sent', to: 'me@x.test', messageId: 'm' });
	});
});
