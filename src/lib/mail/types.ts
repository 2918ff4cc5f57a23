/**
 * Email as the app and the server both see it: templates (MJML with Liquid placeholders and a
 * subject line), the data a template is rendered with, and what rendering gives back.
 */

/** A template: shipped in `templates/`, or carried inline by a workspace (same id replaces it). */
export interface MailTemplate {
	id: string;
	/** The subject line, Liquid (rendered as plain text, never HTML-escaped, CR/LF removed). */
	subject: string;
	/** The body, MJML with Liquid placeholders (output HTML-escaped). */
	mjml: string;
}

/** Where a template came from, for the template list. */
export type TemplateOrigin = 'shipped' | 'workspace' | 'replaced';

/** A problem in a template's source, by line (1-based) when known. */
export interface TemplateProblem {
	/** `liquid` for placeholder syntax, `mjml` for the markup, `link` for a link that is not a web address. */
	kind: 'liquid' | 'mjml' | 'link';
	/** 1-based line in the MJML source (the subject's problems have line 0). */
	line: number;
	message: string;
}

/** Turns MJML into HTML: `mjml` on the server, `mjml-browser` on the template page. */
export type MjmlRenderer = (mjml: string) => Promise<{
	html: string;
	errors: readonly { line: number; message: string }[];
}>;

/** A message ready to send (and to show in the preview or the Mailbox). */
export interface RenderedMail {
	subject: string;
	html: string;
	text: string;
	/** Markup problems MJML reported while rendering (soft validation: it still renders). */
	problems: TemplateProblem[];
}

/** A resource a content email suggests (a guide, a video, a webinar). */
export interface Resource {
	title: string;
	url: string;
	summary: string;
}

/**
 * What a template's placeholders read, for one account and contact. Plain data with snake_case
 * keys, as templates write them: `{{ contact.first_name }}`, `{{ account.name }}`,
 * `{{ score.overall }}`, `{{ score.weakest_group.name }}`, `{% for r in resources %}`.
 */
export interface MailContext {
	/** `locale`: the person's language tag, '' when unknown (it picks the template's variant). */
	contact: {
		id: string;
		name: string;
		first_name: string;
		email: string;
		role: string;
		locale: string;
	};
	/** The account's facts: `id`, `name`, `segment`, `csm`, `arr`, `renewal_date` and any other fact. */
	account: Record<string, unknown>;
	score: {
		/** Rounded to a whole number; null when unscored. */
		overall: number | null;
		band: string | null;
		/** Group id → rounded score. */
		groups: Record<string, number | null>;
		/** The lowest-scoring group with a score, with its name. */
		weakest_group: { id: string; name: string; score: number } | null;
		delta_30d: number | null;
	};
	days_to_renewal: number | null;
	days_since_start: number | null;
	/** Two or three resources for the weakest group. */
	resources: Resource[];
	sender: { name: string; email: string; postal_address: string; logo_url: string };
	links: { training: string; community: string; help: string };
	unsubscribe_url: string;
	/** The as-of date, `YYYY-MM-DD`. */
	now: string;
}
