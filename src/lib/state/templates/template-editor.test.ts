import { describe, expect, it, vi } from 'vitest';
import { accountContexts } from '$lib/engine';
import { checkTemplate, type MailContext } from '$lib/mail';
import { SHIPPED_TEMPLATES } from '$lib/mail/shipped';
import { testDatabase } from '$lib/db/testing';
import { EMPTY_SENDER } from '$lib/mail/sender';
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
		// No sender identity given: the placeholders a real send would refuse to carry.
		expect(context.sender.email).toBe('scorecraft@localhost');
		expect(context.sender.postal_address).toBe('[postal address not set: Settings → Sender]');
		expect(context.sender.logo_url).toBe('http://app.test/email-logo.png');
		const score = accountContexts(workspace, AS_OF, ['acme']).get('acme')!;
		expect(context.days_to_renewal).toBe(score.days_to_renewal);
	});

	it('renders with the server’s sender identity when given, the logo and unsubscribe staying on this app', () => {
		const workspace = exampleWorkspace();
		const context = recipientContext({
			workspace,
			account: workspace.accounts[0]!,
			contact: workspace.contacts[0]!,
			asOf: AS_OF,
			origin: 'http://127.0.0.1:3000',
			sender: {
				identity: {
					...EMPTY_SENDER,
					from_name: 'Acme Success',
					postal_address: 'Acme Inc. · 1 Main Street · Springfield',
					public_url: 'https://cs.acme.example',
					training_url: 'https://acme.example/training'
				},
				mail_from: 'Ops <ops@acme.example>',
				public_url: null
			}
		})!;
		expect(context.sender).toEqual({
			name: 'Acme Success',
			email: 'ops@acme.example',
			postal_address: 'Acme Inc. · 1 Main Street · Springfield',
			logo_url: 'http://127.0.0.1:3000/email-logo.png'
		});
		expect(context.links.training).toBe('https://acme.example/training');
		expect(context.unsubscribe_url).toBe('http://127.0.0.1:3000/unsubscribe/preview');
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

	it('refuses to save while an MJML error remains, as for a Liquid error, and saves once fixed', async () => {
		const db = testDatabase('editor');
		const editor = editorFor();
		editor.mjml = editor.mjml.replace('<mj-body', '<mj-colum></mj-colum>\n<mj-body');
		const line = editor.mjml.split('\n').findIndex((text) => text.includes('<mj-colum>')) + 1;
		expect(await editor.save(db)).toBe(false);
		expect(editor.saveIssues.map((issue) => issue.message)).toEqual([
			expect.stringMatching(new RegExp(`^line ${line}: .*mj-colum`))
		]);
		expect(editor.dirty).toBe(true);
		expect(await db.templates.count()).toBe(0);

		editor.mjml = editor.mjml.replace('<mj-body', '{% if x %}\n<mj-body');
		expect(await editor.save(db)).toBe(false);
		expect(editor.saveIssues.some((issue) => /Liquid|tag|if/i.test(issue.message))).toBe(true);

		editor.discard();
		editor.mjml = editor.mjml.replace('It is free,', 'Coffee is on us. It is free,');
		expect(await editor.save(db)).toBe(true);
		expect(editor.saveIssues).toEqual([]);
		expect(editor.dirty).toBe(false);
		expect((await db.templates.get('training-invitation'))?.mjml).toContain('Coffee is on us.');
	});

	it('refuses to save a link that is not a web address, naming its line', async () => {
		const db = testDatabase('editor-links');
		const editor = editorFor();
		editor.mjml = editor.mjml.replace(
			'</mj-body>',
			'<mj-section><mj-column><mj-button href="javascript:alert(1)">Go</mj-button></mj-column></mj-section>\n</mj-body>'
		);
		const line = editor.mjml.split('\n').findIndex((text) => text.includes('javascript:')) + 1;
		expect(await editor.save(db)).toBe(false);
		expect(editor.saveIssues.map((issue) => issue.message)).toEqual([
			expect.stringMatching(
				new RegExp(`^line ${line}: href="javascript:alert\\(1\\)": javascript: links are refused`)
			)
		]);
	});

	it('says when the preview is the last version that rendered, and where the error is', async () => {
		const editor = editorFor();
		await editor.check();
		const good = editor.preview;
		expect(editor.previewStale).toBe(false);

		// A Liquid syntax error: the source does not render, the last preview stays, marked.
		const lines = editor.mjml.split('\n');
		lines.splice(5, 0, '{% if x %}');
		editor.mjml = lines.join('\n');
		await editor.check();
		expect(editor.preview).toBe(good);
		expect(editor.previewStale).toBe(true);
		expect(editor.staleBecause).toMatchObject({ kind: 'liquid', line: 6 });

		// A render-time error (a placeholder filled with a javascript: link) keeps it too.
		editor.discard();
		editor.context = { ...acme(), links: { ...acme().links, training: 'javascript:alert(1)' } };
		await editor.check();
		expect(editor.preview).toBe(good);
		expect(editor.previewStale).toBe(true);
		expect(editor.staleBecause).toMatchObject({ kind: 'link' });
		expect(editor.previewError).toMatch(/javascript: links are refused/);

		// Fixed: the preview is of the source again.
		editor.context = acme();
		await editor.check();
		expect(editor.previewStale).toBe(false);
		expect(editor.preview).not.toBe(good);
		expect(editor.previewError).toBeNull();
	});

	it('renders around an MJML problem, saying so, rather than calling the preview stale', async () => {
		const editor = editorFor();
		editor.mjml = editor.mjml.replace('<mj-body', '<mj-colum></mj-colum>\n<mj-body');
		await editor.check();
		expect(editor.previewStale).toBe(false);
		expect(editor.preview?.html).toContain('Hi Ana,');
		expect(editor.markupProblem).toMatchObject({ kind: 'mjml' });
	});

	it('discards unsaved edits back to the saved version', () => {
		const editor = editorFor();
		const saved = editor.mjml;
		editor.mjml = 'changed';
		editor.subject = 'changed';
		expect(editor.dirty).toBe(true);
		editor.discard();
		expect(editor.mjml).toBe(saved);
		expect(editor.dirty).toBe(false);
	});
});
