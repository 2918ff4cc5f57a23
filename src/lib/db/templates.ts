/**
 * Email templates as the template pages keep them: the shipped ones (`templates/*.mjml`) merged
 * with the workspace's own, which add to them or replace them by id. Only the workspace's copies
 * are stored; resetting a replaced template deletes its copy and the shipped one shows again.
 */
import { problem, type Play, type Result, type WorkspaceIssue } from '$lib/engine';
import {
	checkTemplate,
	compileTemplate,
	sourceLinkProblems,
	type MailTemplate,
	type MjmlRenderer,
	type TemplateOrigin,
	type TemplateProblem
} from '$lib/mail';
import { SHIPPED_TEMPLATES } from '$lib/mail/shipped';
import type { ScorecraftDatabase } from './database';

/** A template as the list shows it: where it comes from and the plays that send it. */
export interface ListedTemplate extends MailTemplate {
	origin: TemplateOrigin;
	plays: { id: string; name: string }[];
}

/**
 * What a template id may be: it names a file and appears in play actions and URLs. A variant in
 * another language adds the language: `training-invitation.ja`.
 */
export const TEMPLATE_ID = /^[a-z0-9][a-z0-9_-]*(\.[a-z]{2,3})?$/;

/** The template a language variant belongs to (`training-invitation.ja` → `training-invitation`). */
const baseOf = (id: string) => id.replace(/\.[a-z]{2,3}$/, '');

function origin(id: string, stored: ReadonlySet<string>): TemplateOrigin {
	const shipped = SHIPPED_TEMPLATES.some((template) => template.id === id);
	if (!stored.has(id)) return 'shipped';
	return shipped ? 'replaced' : 'workspace';
}

/** The plays that send a template: a language variant goes out for the plays of its template. */
function playsUsing(plays: readonly Play[], id: string): ListedTemplate['plays'] {
	const sent = [id, baseOf(id)];
	return plays
		.filter((play) => play.actions.some((a) => a.type === 'email' && sent.includes(a.template)))
		.map((play) => ({ id: play.id, name: play.name }));
}

/** The shipped templates merged with the workspace's, in id order. */
export async function listTemplates(db: ScorecraftDatabase): Promise<ListedTemplate[]> {
	const [stored, plays] = await Promise.all([db.templates.toArray(), db.plays.toArray()]);
	const ids = new Set(stored.map((template) => template.id));
	const byId = new Map<string, MailTemplate>();
	for (const template of [...SHIPPED_TEMPLATES, ...stored])
		byId.set(template.id, { id: template.id, subject: template.subject, mjml: template.mjml });
	return [...byId.values()]
		.sort((a, b) => a.id.localeCompare(b.id))
		.map((template) => ({
			...template,
			origin: origin(template.id, ids),
			plays: playsUsing(plays, template.id)
		}));
}

/** The shipped template with this id, if any (what "reset" goes back to). */
export function shippedTemplate(id: string): MailTemplate | null {
	return SHIPPED_TEMPLATES.find((template) => template.id === id) ?? null;
}

/**
 * Checks a template and writes it as the workspace's copy. A Liquid syntax error or a link that is
 * not a web address is refused (a run could not send it); given the MJML renderer, so is every
 * MJML markup problem, by line, as the template editor saves: MJML would render around it and
 * drop what it could not read.
 */
export async function saveTemplate(
	db: ScorecraftDatabase,
	template: MailTemplate,
	mjml?: MjmlRenderer
): Promise<Result<MailTemplate, WorkspaceIssue>> {
	const errors: WorkspaceIssue[] = [];
	if (!TEMPLATE_ID.test(template.id)) errors.push({ path: 'id', ...problem('template_id_format') });
	if (!template.subject.trim()) errors.push({ path: 'subject', ...problem('empty_subject') });
	if (errors.length === 0) {
		let problems: TemplateProblem[];
		if (mjml) problems = await checkTemplate(template, mjml);
		else {
			const compiled = compileTemplate(template);
			problems = [...(compiled.ok ? [] : compiled.problems), ...sourceLinkProblems(template.mjml)];
		}
		for (const found of problems)
			errors.push(
				found.line
					? { path: 'mjml', ...problem('template_line', { line: found.line, text: found.message }) }
					: { path: 'subject', ...problem('other', { text: found.message }) }
			);
	}
	if (errors.length) return { ok: false, errors };
	const value = { id: template.id, subject: template.subject, mjml: template.mjml };
	// Templates change no score: the data version (which the score caches follow) stays as it is.
	await db.templates.put(value);
	return { ok: true, value };
}

/** Deletes the workspace's copy: a replaced template is the shipped one again. */
export async function resetTemplate(db: ScorecraftDatabase, id: string): Promise<void> {
	await db.templates.delete(id);
}
