// @vitest-environment node
/**
 * A run's path (`TemplateSet`: MJML once per shape, each message's values filled in) against the
 * plain one kept here as the oracle (Liquid, then MJML, then the text part, for every message),
 * byte for byte: every shipped template in both languages, for contacts whose values are hostile.
 */
import { describe, expect, it } from 'vitest';
import { renderMjml, renderMjmlForSending } from '$lib/server/mail/mjml';
import { exampleWorkspace } from '../../../tests/support/workspace';
import { bodyLiquid, subjectLiquid } from './liquid';
import {
	headerSafe,
	renderMail,
	compileTemplate,
	TemplateSet,
	withUnsubscribeLink
} from './render';
import { SHIPPED_TEMPLATES } from './shipped';
import { contextFor } from './testing';
import { htmlToText } from './text';
import type { MailContext, MailTemplate, MjmlRenderer, Resource } from './types';

const AS_OF = '2026-03-01';

/** The oracle: every message through Liquid, then MJML, then the text part; nothing cached. */
async function reference(template: MailTemplate, context: MailContext, mjml: MjmlRenderer) {
	const subject = headerSafe(await subjectLiquid.parseAndRender(template.subject, context));
	const source = await bodyLiquid.parseAndRender(withUnsubscribeLink(template.mjml), context);
	const { html, errors } = await mjml(source);
	return {
		subject,
		html,
		text: htmlToText(html),
		problems: errors.map((e) => ({ kind: 'mjml', line: e.line, message: e.message }))
	};
}

/** A renderer that counts its calls. */
function counting(mjml: MjmlRenderer): MjmlRenderer & { calls: number } {
	const counted = Object.assign(
		(source: string) => {
			counted.calls++;
			return mjml(source);
		},
		{ calls: 0 }
	);
	return counted;
}

const base = (): MailContext => contextFor(exampleWorkspace(), 'acme', 'c1', AS_OF);

type Change = (context: MailContext) => void;

const resources = (...titles: string[]): Resource[] =>
	titles.map((title, i) => ({
		title,
		url: `https://learn.example/r/${i}?from=mail&utm_source="x"&lang=ja#part-${i}`,
		summary: `${title}: <em>why</em> it's "worth" 5 minutes & more`
	}));

/** Values set on a context: each part's fields, the weakest group's name, the resources' titles. */
interface Values {
	contact?: Partial<MailContext['contact']>;
	account?: MailContext['account'];
	sender?: Partial<MailContext['sender']>;
	links?: Partial<MailContext['links']>;
	weakest?: string;
	resources?: string[];
	unsubscribe_url?: string;
}

const setting =
	(values: Values): Change =>
	(c) => {
		Object.assign(c.contact, values.contact);
		Object.assign(c.account, values.account);
		Object.assign(c.sender, values.sender);
		Object.assign(c.links, values.links);
		if (values.weakest !== undefined)
			c.score.weakest_group = { ...c.score.weakest_group!, name: values.weakest };
		if (values.resources) c.resources = resources(...values.resources);
		if (values.unsubscribe_url !== undefined) c.unsubscribe_url = values.unsubscribe_url;
	};

/** Hostile values MJML carries like any other: the messages share the first one's shape. */
const SAME_SHAPE: [string, Change][] = (
	[
		[
			'HTML special characters and quotes everywhere',
			{
				contact: { first_name: `<b>Ana</b>&amp;"'`, email: "o'brien+tag@acme.example" },
				account: {
					name: `<script>alert("x")</script> & 'Co' > "Ltd"`,
					segment: '"Scale" & <Co>',
					csm: `Kim "K" O'Neil <kim@vendor.example>`,
					renewal_date: '2027-03-01 <soon>'
				},
				sender: {
					name: `O'Brien "CS" <team> & co`,
					postal_address: `1 Rue d'Amour & Fils, <Paris> "FR"`
				},
				weakest: 'Adoption & "Use" <1>',
				resources: ['<b>Bold</b> & "quoted"', "It's <i>here</i>", 'A&B']
			}
		],
		[
			'URLs with & and query strings, quotes and fragments',
			{
				links: {
					training: 'https://training.example/s?id=1&lang=en&q="a b"&x=\'y\'#t',
					community: 'https://community.example/?a=1&amp;b=2&c=%22',
					help: 'https://help.example/path/to?x=<1>&y=>2'
				},
				sender: { logo_url: 'https://cdn.example/logo.png?v=1&size=48&name="logo"' },
				unsubscribe_url: 'https://app.example/unsubscribe/abc.def?x=1&y=2'
			}
		],
		[
			'Japanese text, full-width spaces inside',
			{
				contact: { first_name: '山田' },
				account: {
					name: '株式会社　サンプル（東京）',
					segment: 'エンタープライズ',
					csm: '佐藤　花子'
				},
				sender: {
					name: 'カスタマーサクセス部',
					postal_address: '〒100-0001 東京都千代田区千代田1-1 「本社」'
				},
				weakest: '製品の活用',
				resources: ['はじめてのガイド', '活用のヒント＆コツ', '導入事例：株式会社テスト']
			}
		],
		[
			'values that look like Liquid, MJML, slots or replacement patterns',
			{
				contact: { first_name: '{{ contact.email }}' },
				account: {
					name: '{% if x %}</mj-text><mj-raw><p>raw</p></mj-raw>{% endif %}',
					segment: '<!-- not a comment --> ]]> <![CDATA[',
					csm: 'a'.repeat(5_000)
				},
				sender: { name: "$& $1 $' $` $$", postal_address: '0aA 1aA &#x6a;avascript &lt; \\u0000' }
			}
		]
	] satisfies [string, Values][]
).map(([description, values]) => [description, setting(values)]);

/**
 * Values MJML reads (it trims a tag's text, `href=""` makes a button a paragraph) or that carry
 * control characters or slot markers, one field at a time: taken for a slot, such a value would
 * land in the first message's shape and differ from MJML's own HTML.
 */
const AWKWARD_VALUES = [
	'',
	' x',
	'x ',
	'\u3000x',
	'x\u00a0',
	'a\nb',
	'a\r\nb\tc',
	'a\u0000b\u001fc\u007fd\u0085e',
	'A\uE0000aA\uE001B'
];
const FIELDS: [string, (c: MailContext, value: string) => void][] = [
	['contact.first_name', (c, value) => (c.contact.first_name = value)],
	['account.name', (c, value) => (c.account.name = value)],
	['sender.name', (c, value) => (c.sender.name = value)],
	['sender.logo_url', (c, value) => (c.sender.logo_url = value)],
	['links.help', (c, value) => (c.links.help = value)],
	[
		'score.weakest_group.name',
		(c, value) => (c.score.weakest_group = { ...c.score.weakest_group!, name: value })
	]
];

/** Values that change the markup MJML sees: a branch, a loop's length, missing values. */
const OTHER_SHAPES: [string, Change][] = [
	...FIELDS.flatMap(([field, set]) =>
		AWKWARD_VALUES.map((value): [string, Change] => [
			`${field}: ${JSON.stringify(value)}`,
			(c) => set(c, value)
		])
	),
	[
		'missing optional values',
		(c) => {
			delete c.account.csm;
			delete c.account.renewal_date;
			delete c.account.segment;
			c.days_to_renewal = null;
			c.days_since_start = null;
			c.score.weakest_group = null;
			c.resources = [];
		}
	],
	[
		'the other branches and loop lengths',
		(c) => {
			c.score.weakest_group = { id: 'deployment', name: 'Deployment', score: 10 };
			delete c.account.csm;
			c.days_to_renewal = 0;
			c.days_since_start = 0;
			c.resources = resources('Only one');
		}
	],
	['two resources', (c) => (c.resources = resources('One', 'Two'))]
];

function changed(change: Change): MailContext {
	const context = base();
	change(context);
	return context;
}

describe('every shipped template, MJML compiled once per shape', () => {
	const render = async (
		template: MailTemplate,
		mjml: MjmlRenderer,
		changes: [string, Change][]
	) => {
		const renderer = counting(mjml);
		const set = new TemplateSet([template], [], renderer);
		expect(await set.render(template.id, base())).toEqual(await reference(template, base(), mjml));
		const first = renderer.calls;
		for (const [description, change] of changes) {
			const context = changed(change);
			const mail = await set.render(template.id, context);
			expect(mail, description).toEqual(await reference(template, context, mjml));
		}
		return renderer.calls - first;
	};

	it.each(SHIPPED_TEMPLATES.map((t) => [t.id, t] as const))(
		'%s: the same subject, HTML and text as MJML makes for each message',
		async (_, template) => {
			// Shared: the shape's two compiles (its own, the probe's) when a second message has
			// the first one's shape, and not one more MJML call for later hostile values in it.
			const twice = [...SAME_SHAPE, ...SAME_SHAPE];
			expect(await render(template, renderMjmlForSending, twice)).toBe(2);
			await render(template, renderMjmlForSending, [...OTHER_SHAPES, ...SAME_SHAPE]);
			// With MJML's validation on, the same messages and the same problems (none).
			expect(await render(template, renderMjml, twice)).toBe(2);
		}
	);
});

it('compiles a single message once, and a shape (its MJML and a probe) only for a second', async () => {
	const template = SHIPPED_TEMPLATES.find((t) => t.id === 'training-invitation')!;
	const renderer = counting(renderMjmlForSending);
	const set = new TemplateSet([template], [], renderer);
	await set.render(template.id, base());
	expect(renderer.calls).toBe(1);
	await set.render(
		template.id,
		changed((c) => (c.contact.first_name = 'Bea'))
	);
	expect(renderer.calls).toBe(3);
	await set.render(
		template.id,
		changed((c) => (c.contact.first_name = 'Cy'))
	);
	expect(renderer.calls).toBe(3);
});

it('refuses a javascript: value in a slot as the plain path does, naming the line', async () => {
	const template = SHIPPED_TEMPLATES.find((t) => t.id === 'training-invitation')!;
	const set = new TemplateSet([template], [], renderMjmlForSending);
	await set.render(template.id, base());
	const context = changed((c) => (c.links.training = 'javascript:alert(document.cookie)'));
	const compiled = compileTemplate(template);
	if (!compiled.ok) throw new Error('the shipped template does not compile');
	const plain = await renderMail(compiled.compiled, context, renderMjmlForSending).catch(
		(e: unknown) => e
	);
	const shared = await set.render(template.id, context).catch((e: unknown) => e);
	expect(plain).toBeInstanceOf(Error);
	expect(shared).toEqual(plain);
	expect(String(shared)).toMatch(/line \d+: href="javascript:alert/);
});

it('fails on a Liquid error at render time as the plain path does', async () => {
	const template: MailTemplate = {
		id: 'including',
		subject: 'Hi',
		mjml: "<mjml><mj-body><mj-section><mj-column><mj-text>{{ account.name }}\n{% include 'secrets' %}</mj-text></mj-column></mj-section></mj-body></mjml>"
	};
	const compiled = compileTemplate(template);
	if (!compiled.ok) throw new Error('the template does not compile');
	const plain = await renderMail(compiled.compiled, base(), renderMjmlForSending).catch(
		(e: unknown) => e
	);
	const set = new TemplateSet([], [template], renderMjmlForSending);
	expect(plain).toBeInstanceOf(Error);
	expect(await set.render('including', base()).catch((e: unknown) => e)).toEqual(plain);
	expect(String(plain)).toMatch(/template including: line 2: .*secrets/);
});

type Extra = Record<string, unknown>;

/**
 * Template constructs where a value's place is read by MJML or by Liquid itself: each message
 * still gets MJML's own HTML (the shape is not used, or MJML runs for it).
 */
const CONSTRUCTS: { description: string; head?: string; body: string; values: Extra[] }[] = [
	{
		description:
			'placeholders in attributes MJML parses (widths, padding, alignment, colour, class)',
		body: `<mj-section padding="{{ p }}"><mj-column width="{{ cw }}" css-class="{{ c }}"><mj-image src="{{ sender.logo_url }}" width="{{ w }}" /><mj-text align="{{ a }}" color="{{ colour }}">Hi</mj-text><mj-button href="{{ links.help }}" width="{{ bw }}" background-color="{{ colour }}">Go</mj-button></mj-column></mj-section>`,
		values: [
			{ p: '10px', cw: '300px', w: '100px', bw: '120px', a: 'left', colour: 'red', c: 'x' },
			{ p: '4px 8px', cw: '50%', w: '48px', bw: '200px', a: 'CENTER', colour: '#F00', c: 'A b' }
		]
	},
	...[
		`<mj-section padding="{{ p }}"><mj-column><mj-text>Hi</mj-text></mj-column></mj-section>`,
		`<mj-section><mj-column><mj-button href="{{ links.help }}" width="{{ p }}">Go</mj-button></mj-column></mj-section>`,
		`<mj-section><mj-column width="{{ p }}"><mj-text>Hi</mj-text></mj-column></mj-section>`
	].map((body) => ({
		description: `a placeholder MJML parses, the first message’s value not a number: ${body}`,
		body,
		values: [{ p: 'abc' }, { p: '4px 8px' }, { p: '10px' }]
	})),
	{
		description: 'a placeholder MJML compares with a word of its own (full-width)',
		body: `<mj-section full-width="{{ p }}"><mj-column><mj-text>Hi</mj-text></mj-column></mj-section>`,
		values: [{ p: 'no' }, { p: 'full-width' }]
	},
	{
		description: 'a placeholder MJML compares with a word of its own, and writes (direction)',
		body: `<mj-section direction="{{ p }}"><mj-column><mj-text>A</mj-text></mj-column><mj-column><mj-text>B</mj-text></mj-column></mj-section>`,
		values: [{ p: 'rtl' }, { p: 'ltr' }]
	},
	{
		description: 'a loop around columns and sections, and a cycle',
		body: `<mj-section>{% for r in list %}<mj-column><mj-text>{% cycle "a", "b" %} {{ r }}</mj-text></mj-column>{% endfor %}</mj-section>{% for r in list %}<mj-section><mj-column><mj-text>{{ r }}</mj-text></mj-column></mj-section>{% endfor %}`,
		values: [{ list: ['One'] }, { list: ['Two', 'Three'] }, { list: ['<4>', '"5"'] }, { list: [] }]
	},
	{
		description: 'a capture, whose value Liquid computes with',
		body: `{% capture who %}{{ contact.first_name }}{% endcapture %}<mj-section><mj-column><mj-text>{{ who | size }} {{ who | upcase }} {% if who == "Ana" %}yes{% endif %}</mj-text></mj-column></mj-section>`,
		values: [{}, { x: 1 }]
	},
	{
		description: 'raw outputs, raw HTML and a title and preview with placeholders',
		body: `<mj-section><mj-column><mj-raw><a href="{{ links.help }}" title="{{ account.name }}">{{ account.name | raw }}</a></mj-raw><mj-text>{{ marker | raw }}</mj-text></mj-column></mj-section>`,
		values: [{ marker: 'plain' }, { marker: '\uE0000aA\uE001' }, { marker: '<b>bold</b>' }]
	},
	{
		description: 'a placeholder in a style MJML inlines',
		body: `<mj-section><mj-column><mj-text css-class="x">Hi {{ contact.first_name }}</mj-text></mj-column></mj-section>`,
		head: '<mj-style inline="inline">.x { color: {{ colour }}; }</mj-style>',
		values: [{ colour: 'red' }, { colour: 'BLUE' }, { colour: '#00F' }]
	}
];

describe('template constructs a shape cannot carry', () => {
	it.each(CONSTRUCTS)('$description', async ({ head, body, values }) => {
		const template: MailTemplate = {
			id: 'construct',
			subject: 'For {{ account.name }}',
			mjml: `<mjml><mj-head><mj-title>{{ account.name }}</mj-title><mj-preview>{{ contact.first_name }}</mj-preview>${head ?? ''}</mj-head><mj-body>${body}</mj-body></mjml>`
		};
		const set = new TemplateSet([], [template], renderMjmlForSending);
		for (const extra of [...values, ...values]) {
			const context = { ...base(), ...extra } as MailContext;
			const mail = await set.render('construct', context);
			expect(mail, JSON.stringify(extra)).toEqual(
				await reference(template, context, renderMjmlForSending)
			);
		}
	});
});
