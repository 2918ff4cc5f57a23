import { describe, expect, it } from 'vitest';
import { accountContexts } from '$lib/engine';
import { renderMjml } from '$lib/server/mail/mjml';
import { exampleWorkspace } from '../../../tests/support/workspace';
import { listTemplates, resetTemplate, saveTemplate, shippedTemplate } from './templates';
import { accountWorkspace } from './queries';
import { testDatabase } from './testing';
import { replaceWorkspace } from './workspace';

const body =
	'<mjml><mj-body><mj-section><mj-column><mj-text>Hi</mj-text></mj-column></mj-section></mj-body></mjml>';

async function filled() {
	const db = testDatabase('templates');
	const workspace = exampleWorkspace();
	workspace.templates = [];
	await replaceWorkspace(db, workspace);
	return db;
}

describe('templates in the store', () => {
	it('lists the shipped templates with the plays that send them', async () => {
		const db = await filled();
		const list = await listTemplates(db);
		expect(list.map((t) => [t.id, t.origin])).toEqual(
			[
				'community-invitation',
				'content-nurture',
				'onboarding-nudge',
				'renewal-reminder',
				'training-invitation'
			].flatMap((id) => [
				[id, 'shipped'],
				[`${id}.ja`, 'shipped']
			])
		);
		// The Japanese variant goes out for the same play, to the contacts who read Japanese.
		for (const id of ['training-invitation', 'training-invitation.ja'])
			expect(list.find((t) => t.id === id)?.plays).toEqual([
				{ id: 'scale-training', name: expect.any(String) }
			]);
		expect(list.find((t) => t.id === 'content-nurture')?.plays).toEqual([]);
	});

	it('adds a workspace template, replaces a shipped one by id, and resets it', async () => {
		const db = await filled();
		// A variant in another language is a template like any other, its id ending in the language.
		expect((await saveTemplate(db, { id: 'welcome.ja', subject: 'ようこそ', mjml: body })).ok).toBe(
			true
		);
		expect((await saveTemplate(db, { id: 'welcome.japanese', subject: 'x', mjml: body })).ok).toBe(
			false
		);
		expect(await saveTemplate(db, { id: 'welcome', subject: 'Welcome', mjml: body })).toEqual({
			ok: true,
			value: { id: 'welcome', subject: 'Welcome', mjml: body }
		});
		const result = await saveTemplate(db, {
			id: 'training-invitation',
			subject: 'Our own',
			mjml: body
		});
		expect(result.ok).toBe(true);
		let list = await listTemplates(db);
		expect(list.find((t) => t.id === 'welcome')?.origin).toBe('workspace');
		const replaced = list.find((t) => t.id === 'training-invitation');
		expect(replaced).toMatchObject({ origin: 'replaced', subject: 'Our own', mjml: body });

		await resetTemplate(db, 'training-invitation');
		list = await listTemplates(db);
		expect(list.find((t) => t.id === 'training-invitation')).toMatchObject({
			origin: 'shipped',
			subject: shippedTemplate('training-invitation')?.subject
		});
		expect(shippedTemplate('welcome')).toBeNull();
	});

	it('refuses a bad id, an empty subject and a Liquid syntax error, saying where', async () => {
		const db = await filled();
		const bad = await saveTemplate(db, { id: 'Bad id', subject: ' ', mjml: body });
		expect(bad.ok ? [] : bad.errors.map((e) => e.path)).toEqual(['id', 'subject']);
		const broken = await saveTemplate(db, {
			id: 'broken',
			subject: 'Hi',
			mjml: '<mjml>\n<mj-body>{% if x %}</mj-body>\n</mjml>'
		});
		expect(broken.ok ? [] : broken.errors).toMatchObject([
			{ path: 'mjml', message: expect.stringMatching(/^line 2: /) }
		]);
		expect(await db.templates.count()).toBe(0);
	});

	it('refuses an MJML markup error by line when given the renderer, and a link that is not a web address', async () => {
		const db = await filled();
		const markup = {
			id: 'markup',
			subject: 'Hi',
			mjml: '<mjml>\n<mj-body>\n<mj-colum></mj-colum>\n</mj-body>\n</mjml>'
		};
		const refused = await saveTemplate(db, markup, renderMjml);
		expect(refused.ok ? [] : refused.errors).toMatchObject([
			{ path: 'mjml', message: expect.stringMatching(/^line 3: .*mj-colum/) }
		]);
		const linked = {
			id: 'linked',
			subject: 'Hi',
			mjml: '<mjml><mj-body><mj-section><mj-column>\n<mj-button href="javascript:alert(1)">Go</mj-button>\n</mj-column></mj-section></mj-body></mjml>'
		};
		const link = await saveTemplate(db, linked);
		expect(link.ok ? [] : link.errors).toMatchObject([
			{
				path: 'mjml',
				message: expect.stringMatching(
					/^line 2: href="javascript:alert\(1\)": javascript: links are refused/
				)
			}
		]);
		expect(await db.templates.count()).toBe(0);
	});

	it('reads one account with what scoring it needs, for a preview', async () => {
		const db = await filled();
		const found = await accountWorkspace(db, 'acme');
		expect(found?.account.id).toBe('acme');
		expect(found?.workspace.accounts.map((a) => a.id)).toEqual(['acme']);
		expect(found?.workspace.contacts.map((c) => c.id)).toEqual(['c1']);
		// Scored alone, the account has the context it has in the whole workspace.
		expect(accountContexts(found!.workspace, '2026-03-01', ['acme'])).toEqual(
			accountContexts(exampleWorkspace(), '2026-03-01', ['acme'])
		);
		expect(await accountWorkspace(db, 'nope')).toBeNull();
	});
});
