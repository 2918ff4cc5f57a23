/**
 * Rendering: Liquid first (placeholders filled, escaped), then MJML to HTML, plus a plain-text
 * part. A template is parsed once and rendered for many recipients, MJML compiling each shape of
 * its markup once (`shapes.ts`); the same code runs in the template page's preview (with
 * `mjml-browser`) and on the server (with `mjml`).
 */
import type { Template } from 'liquidjs';
import {
	bodyLiquid,
	fillSlots,
	liquidProblem,
	maskLiquid,
	parseLiquid,
	renderSlotted,
	slottable,
	slottedLiquid,
	subjectLiquid,
	type Slotted
} from './liquid';
import { unsafeLinkMessage, unsafeLinks } from './links';
import { languageOf } from './context';
import { MjmlShapes } from './shapes';
import { htmlToText } from './text';
import type {
	MailContext,
	MailTemplate,
	MjmlRenderer,
	RenderedMail,
	TemplateProblem
} from './types';

/** A template parsed once: what every message of a run renders from. */
export interface CompiledTemplate {
	id: string;
	subject: Template[];
	body: Template[];
	/** The body parsed to render with slots (`renderSlotted`); null when it cannot be. */
	slotted: Template[] | null;
}

export class TemplateError extends Error {
	constructor(
		readonly templateId: string,
		readonly problems: TemplateProblem[]
	) {
		super(
			`template ${templateId}: ${problems.map((p) => (p.line ? `line ${p.line}: ` : '') + p.message).join('; ')}`
		);
		this.name = 'TemplateError';
	}
}

/** The footer added to a template that has no unsubscribe link of its own. */
const UNSUBSCRIBE_FOOTER = `<mj-section padding="16px 24px"><mj-column><mj-text font-size="13px" color="#4b5563"><a href="{{ unsubscribe_url }}" style="color: #1d4ed8;">Unsubscribe from these emails</a></mj-text></mj-column></mj-section>`;

/**
 * Every automated email carries an unsubscribe link: a template that does not place one itself
 * gets a footer with it, before `</mj-body>` (added after its last line, so its lines keep their numbers).
 */
export function withUnsubscribeLink(mjml: string): string {
	if (/\{\{-?\s*unsubscribe_url\b/.test(mjml)) return mjml;
	const end = mjml.lastIndexOf('</mj-body>');
	return end < 0 ? mjml : `${mjml.slice(0, end)}${UNSUBSCRIBE_FOOTER}${mjml.slice(end)}`;
}

/** Parses a template's subject and body; Liquid syntax errors come back as problems by line. */
export function compileTemplate(
	template: MailTemplate
): { ok: true; compiled: CompiledTemplate } | { ok: false; problems: TemplateProblem[] } {
	const source = withUnsubscribeLink(template.mjml);
	const subject = parseLiquid(subjectLiquid, template.subject, true);
	const body = parseLiquid(bodyLiquid, source);
	const problems = [subject, body].flatMap((parsed) => (parsed.ok ? [] : [parsed.problem]));
	if (!subject.ok || !body.ok) return { ok: false, problems };
	if (!template.subject.trim())
		return { ok: false, problems: [{ kind: 'liquid', line: 0, message: 'the subject is empty' }] };
	const slotted = slottable(source) ? parseLiquid(slottedLiquid, source) : null;
	return {
		ok: true,
		compiled: {
			id: template.id,
			subject: subject.template,
			body: body.template,
			slotted: slotted?.ok ? slotted.template : null
		}
	};
}

/** A subject line as a header: one line, no control characters, at most 250 characters. */
export function headerSafe(text: string): string {
	return (
		text
			// eslint-disable-next-line no-control-regex
			.replace(/[\u0000-\u001f\u007f]+/g, ' ')
			.replace(/\s+/g, ' ')
			.trim()
			.slice(0, 250)
	);
}

/** Links a template's source writes itself (placeholders blanked) that are not web addresses, by line. */
export function sourceLinkProblems(mjml: string): TemplateProblem[] {
	return unsafeLinks(maskLiquid(mjml)).map((link) => ({
		kind: 'link',
		line: link.line,
		message: unsafeLinkMessage(link)
	}));
}

/**
 * Renders one message. Throws a `TemplateError` when Liquid fails at render time, or when the
 * message would carry a link that is not a web address (a placeholder filled with `javascript:`…):
 * such a message is never sent, whatever let the value in. With `shapes` (the messages of a run),
 * MJML compiles each shape of the body once; without, once for this message. The HTML is the same.
 */
export async function renderMail(
	compiled: CompiledTemplate,
	context: MailContext,
	mjml: MjmlRenderer,
	shapes?: MjmlShapes
): Promise<RenderedMail> {
	let subject: string;
	let slotted: Slotted | null;
	let source: string;
	try {
		subject = headerSafe(await subjectLiquid.render(compiled.subject, context));
		slotted = shapes && compiled.slotted ? renderSlotted(compiled.slotted, context) : null;
		source = slotted ? fillSlots(slotted) : await bodyLiquid.render(compiled.body, context);
	} catch (error) {
		throw new TemplateError(compiled.id, [liquidProblem(error)]);
	}
	// Placeholders keep their lines, so the filled source points at the template's own line.
	const unsafe = sourceLinkProblems(source);
	if (unsafe.length) throw new TemplateError(compiled.id, unsafe);
	const { html, errors } =
		shapes && slotted ? await shapes.render(slotted, source, mjml) : await mjml(source);
	const generated = unsafeLinks(html);
	if (generated.length)
		throw new TemplateError(
			compiled.id,
			generated.map((link) => ({ kind: 'link', line: 1, message: unsafeLinkMessage(link) }))
		);
	return {
		subject,
		html,
		text: htmlToText(html),
		problems: errors.map((e) => ({ kind: 'mjml', line: e.line, message: e.message }))
	};
}

/**
 * Everything wrong with a template's source, by line: Liquid syntax, then MJML markup checked on
 * the source with its placeholders blanked (so the lines are the author's own).
 */
export async function checkTemplate(
	template: MailTemplate,
	mjml: MjmlRenderer
): Promise<TemplateProblem[]> {
	const compiled = compileTemplate(template);
	const problems = compiled.ok ? [] : compiled.problems;
	problems.push(...sourceLinkProblems(template.mjml));
	const { errors } = await mjml(maskLiquid(template.mjml));
	for (const error of errors)
		problems.push({ kind: 'mjml', line: error.line, message: error.message });
	return problems.sort((a, b) => a.line - b.line);
}

/**
 * The templates of one run, each parsed once on first use, each shape of their markup compiled
 * by MJML once. Workspace templates replace shipped ones with the same id.
 */
export class TemplateSet {
	readonly #sources = new Map<string, MailTemplate>();
	readonly #compiled = new Map<string, CompiledTemplate>();
	readonly #shapes = new MjmlShapes();

	constructor(
		shipped: readonly MailTemplate[],
		workspace: readonly MailTemplate[],
		readonly mjml: MjmlRenderer
	) {
		for (const template of [...shipped, ...workspace]) this.#sources.set(template.id, template);
	}

	has(id: string): boolean {
		return this.#sources.has(id);
	}

	get ids(): string[] {
		return [...this.#sources.keys()];
	}

	/** The parsed template; throws a `TemplateError` naming the template and line when it is broken. */
	compiled(id: string): CompiledTemplate {
		const cached = this.#compiled.get(id);
		if (cached) return cached;
		const source = this.#sources.get(id);
		if (!source)
			throw new TemplateError(id, [
				{ kind: 'liquid', line: 0, message: 'no template has this id' }
			]);
		const result = compileTemplate(source);
		if (!result.ok) throw new TemplateError(id, result.problems);
		this.#compiled.set(id, result.compiled);
		return result.compiled;
	}

	/**
	 * The template a message to someone in `locale` uses: the variant in their language
	 * (`<id>.ja`, shipped or the workspace's) when there is one, else the template itself.
	 */
	variantFor(id: string, locale: string): string {
		const language = languageOf(locale);
		const variant = `${id}.${language}`;
		return language && this.#sources.has(variant) ? variant : id;
	}

	/** The message for `context`, from the template's variant in the contact's language. */
	render(id: string, context: MailContext): Promise<RenderedMail> {
		return renderMail(
			this.compiled(this.variantFor(id, context.contact.locale)),
			context,
			this.mjml,
			this.#shapes
		);
	}
}
