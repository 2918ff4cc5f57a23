// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { renderMjml } from '$lib/server/mail/mjml';
import { exampleWorkspace } from '../../../tests/support/workspace';
import { checkTemplate, compileTemplate, TemplateError, TemplateSet } from './render';
import { SHIPPED_TEMPLATES } from './shipped';
import { contextFor } from './testing';
import { emptyPlaceholders, usedPlaceholders } from './placeholders';

const AS_OF = '2026-03-01';

function acmeContext(change?: (workspace: ReturnType<typeof exampleWorkspace>) => void) {
	const workspace = exampleWorkspace();
	change?.(workspace);
	return contextFor(workspace, 'acme', 'c1', AS_OF);
}

const NURTURE = [
	'community-invitation',
	'content-nurture',
	'onboarding-nudge',
	'renewal-reminder',
	'training-invitation'
];
const english = SHIPPED_TEMPLATES.filter((t) => !t.id.includes('.'));

describe('shipped templates', () => {
	it('ships the five nurture templates, each in English and in Japanese', () => {
		expect(english.map((t) => t.id)).toEqual(NURTURE);
		expect(SHIPPED_TEMPLATES.filter((t) => t.id.endsWith('.ja')).map((t) => t.id)).toEqual(
			NURTURE.map((id) => `${id}.ja`)
		);
	});

	it.each(english.map((t) => [t.id, t] as const))(
		'%s renders for a sample account without MJML errors, with the unsubscribe link in both parts',
		async (_, template) => {
			expect(await checkTemplate(template, renderMjml)).toEqual([]);
			const set = new TemplateSet(SHIPPED_TEMPLATES, [], renderMjml);
			const mail = await set.render(template.id, acmeContext());
			expect(mail.problems).toEqual([]);
			expect(mail.subject).not.toMatch(/\{\{|\}\}|\n/);
			expect(mail.subject.length).toBeGreaterThan(10);
			expect(mail.html).toContain('href="http://localhost:3000/unsubscribe/TOKEN"');
			// The sender's name: MAIL_FROM's display name, as no identity or setting names it.
			expect(mail.html).toMatch(/<img[^>]+alt="Customer Success"/);
			expect(mail.text).toContain(
				'Unsubscribe from these emails (http://localhost:3000/unsubscribe/TOKEN)'
			);
			expect(mail.text).toContain('Hi Ana,');
			expect(mail.text).not.toMatch(/<|\{\{/);
		}
	);

	it.each(NURTURE)(
		'%s goes to a contact whose language is Japanese in Japanese, with the unsubscribe link in both parts',
		async (id) => {
			const set = new TemplateSet(SHIPPED_TEMPLATES, [], renderMjml);
			const context = acmeContext((workspace) => {
				workspace.contacts[0]!.locale = 'ja';
				workspace.contacts[0]!.name = '山田 太郎';
			});
			expect(set.variantFor(id, context.contact.locale)).toBe(`${id}.ja`);
			expect(
				await checkTemplate(
					SHIPPED_TEMPLATES.find((t) => t.id === `${id}.ja`)!,
					renderMjml
				)
			).toEqual([]);
			const mail = await set.render(id, context);
			expect(mail.problems).toEqual([]);
			expect(mail.subject).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
			expect(mail.subject).not.toMatch(/\{\{|\}\}|\n/);
			expect(mail.html).toContain('lang="ja"');
			expect(mail.html).toContain('href="http://localhost:3000/unsubscribe/TOKEN"');
			expect(mail.text).toContain('http://localhost:3000/unsubscribe/TOKEN');
			expect(mail.text).toContain('山田様');
			expect(mail.text).not.toMatch(/<|\{\{|Hi |Unsubscribe/);
		}
	);

	it('takes the template itself for a language it has no variant in, or none', () => {
		const set = new TemplateSet(
			SHIPPED_TEMPLATES,
			[{ id: 'welcome', subject: 'Welcome', mjml: '<mjml></mjml>' }],
			renderMjml
		);
		expect(set.variantFor('training-invitation', 'ja-JP')).toBe('training-invitation.ja');
		expect(set.variantFor('training-invitation', 'fr')).toBe('training-invitation');
		expect(set.variantFor('training-invitation', '')).toBe('training-invitation');
		expect(set.variantFor('welcome', 'ja')).toBe('welcome');
	});

	it('gives the content digest’s resources in the contact’s language', async () => {
		const set = new TemplateSet(SHIPPED_TEMPLATES, [], renderMjml);
		const english = acmeContext();
		const japanese = acmeContext((workspace) => (workspace.contacts[0]!.locale = 'ja'));
		expect(japanese.resources.map((r) => r.url)).toEqual(english.resources.map((r) => r.url));
		const mail = await set.render('content-nurture', japanese);
		for (const resource of japanese.resources) {
			expect(resource.title).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
			expect(mail.text).toContain(resource.title);
		}
	});

	it('picks the content digest by the weakest group', async () => {
		const set = new TemplateSet(SHIPPED_TEMPLATES, [], renderMjml);
		const context = acmeContext();
		expect(context.resources.length).toBeGreaterThanOrEqual(2);
		expect(context.resources.length).toBeLessThanOrEqual(3);
		const mail = await set.render('content-nurture', context);
		for (const resource of context.resources) expect(mail.text).toContain(resource.title);
		expect(mail.subject).toBe(`${context.resources.length} ideas for Acme Ltd this week`);
	});
});

describe('rendering', () => {
	it('escapes HTML in account and contact names, in the body; the subject stays plain text on one line', async () => {
		const context = acmeContext((w) => {
			w.accounts[0]!.name = '<script>alert(1)</script> & Co';
			w.contacts[0]!.name = '<img src=x onerror=alert(2)>\r\nBcc: evil@example.com';
		});
		const set = new TemplateSet(SHIPPED_TEMPLATES, [], renderMjml);
		const mail = await set.render('training-invitation', context);
		expect(mail.html).not.toContain('<script>alert(1)');
		expect(mail.html).not.toContain('<img src=x');
		expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co');
		expect(mail.subject).toBe(
			'<script>alert(1)</script> & Co: a free training session for your team'
		);
		expect(mail.text).toContain('<script>alert(1)</script> & Co');
		const subjectWithName = new TemplateSet(
			[],
			[{ id: 'x', subject: 'Hi {{ contact.name }}', mjml: '<mjml><mj-body></mj-body></mjml>' }],
			renderMjml
		);
		expect((await subjectWithName.render('x', context)).subject).toBe(
			'Hi <img src=x onerror=alert(2)> Bcc: evil@example.com'
		);
	});

	it('uses a placeholder default when the value is missing, and says which placeholders are empty', async () => {
		const context = acmeContext((w) => {
			w.contacts[0]!.name = '';
		});
		const set = new TemplateSet(SHIPPED_TEMPLATES, [], renderMjml);
		const mail = await set.render('training-invitation', context);
		expect(mail.text).toContain('Hi there,');
		const template = SHIPPED_TEMPLATES.find((t) => t.id === 'training-invitation')!;
		expect(usedPlaceholders(template)).toContain('contact.first_name');
		expect(emptyPlaceholders(template, context)).toContainEqual({
			path: 'contact.first_name',
			hasDefault: true
		});
		// Liquid's list properties are read as Liquid reads them, not reported empty.
		const digest = SHIPPED_TEMPLATES.find((t) => t.id === 'content-nurture')!;
		expect(usedPlaceholders(digest)).toContain('resources.size');
		expect(emptyPlaceholders(digest, acmeContext()).map((p) => p.path)).not.toContain(
			'resources.size'
		);
	});

	it('lets a workspace template replace a shipped one by id, and parses each template once', async () => {
		const custom = {
			id: 'training-invitation',
			subject: 'Custom {{ account.name }}',
			mjml: '<mjml><mj-body><mj-section><mj-column><mj-text>Custom body</mj-text></mj-column></mj-section></mj-body></mjml>'
		};
		const set = new TemplateSet(SHIPPED_TEMPLATES, [custom], renderMjml);
		const mail = await set.render('training-invitation', acmeContext());
		expect(mail.subject).toBe('Custom Acme Ltd');
		expect(mail.text).toMatch(/^Custom body\n/);
		expect(set.compiled('training-invitation')).toBe(set.compiled('training-invitation'));
	});

	it('names the line of a Liquid or an MJML error', async () => {
		const broken = {
			id: 'broken',
			subject: 'Hello',
			mjml: '<mjml>\n<mj-body>\n<mj-section>\n<mj-colum><mj-text>{{ contact.name }}</mj-text></mj-colum>\n</mj-section>\n<mj-section><mj-column><mj-text>{% if x %}</mj-text></mj-column></mj-section>\n</mj-body>\n</mjml>'
		};
		const problems = await checkTemplate(broken, renderMjml);
		expect(problems).toContainEqual(expect.objectContaining({ kind: 'liquid', line: 6 }));
		expect(problems).toContainEqual(
			expect.objectContaining({
				kind: 'mjml',
				line: 4,
				message: expect.stringContaining('mj-colum')
			})
		);
		const set = new TemplateSet([], [broken], renderMjml);
		expect(() => set.compiled('broken')).toThrow(TemplateError);
		expect(() => set.compiled('broken')).toThrow(/template broken: line 6/);
	});

	it('refuses includes and unknown filters', () => {
		expect(compileTemplate({ id: 'a', subject: 's', mjml: '{{ x | nosuchfilter }}' }).ok).toBe(
			false
		);
		const include = compileTemplate({ id: 'a', subject: 's', mjml: "{% include '/etc/passwd' %}" });
		expect(include.ok).toBe(true);
	});
});

describe('links that are not web addresses', () => {
	const linking = {
		id: 'linking',
		subject: 'Hi',
		mjml: '<mjml><mj-body><mj-section><mj-column>\n<mj-button href="{{ links.training }}">Join</mj-button>\n</mj-column></mj-section></mj-body></mjml>'
	};

	it('are refused at render time, whatever put them in a placeholder, naming the line', async () => {
		const context = acmeContext();
		context.links.training = 'javascript:alert(document.cookie)';
		const set = new TemplateSet([], [linking], renderMjml);
		const error = await set.render('linking', context).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(TemplateError);
		expect((error as TemplateError).problems).toEqual([
			{
				kind: 'link',
				line: 2,
				message:
					'href="javascript:alert(document.cookie)": javascript: links are refused: use a web address starting with https:// or http://'
			}
		]);
		context.links.training = 'https://acme.example/training';
		expect((await set.render('linking', context)).html).toContain('https://acme.example/training');
	});

	it('are reported by line when the template writes them itself', async () => {
		const written = {
			...linking,
			mjml: linking.mjml.replace('{{ links.training }}', 'data:text/html,hi')
		};
		expect(await checkTemplate(written, renderMjml)).toEqual([
			expect.objectContaining({
				kind: 'link',
				line: 2,
				message: expect.stringMatching(/^href="data:text\/html,hi": data: links are refused/)
			})
		]);
	});
});

describe('the unsubscribe link', () => {
	it('is added to a template that does not place it, and left alone in one that does', async () => {
		const bare = {
			id: 'bare',
			subject: 'Hi',
			mjml: '<mjml><mj-body><mj-section><mj-column><mj-text>Only this</mj-text></mj-column></mj-section></mj-body></mjml>'
		};
		const set = new TemplateSet(SHIPPED_TEMPLATES, [bare], renderMjml);
		const mail = await set.render('bare', acmeContext());
		expect(mail.text).toBe(
			'Only this\n\nUnsubscribe from these emails (http://localhost:3000/unsubscribe/TOKEN)'
		);
		const shipped = await set.render('training-invitation', acmeContext());
		expect(shipped.html.match(/unsubscribe\/TOKEN/g)).toHaveLength(1);
	});
});
