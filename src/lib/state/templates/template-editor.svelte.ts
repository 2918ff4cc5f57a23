/**
 * The template being edited: its subject and MJML source, the recipient the preview is rendered
 * for, the problems by line (checked a moment after typing stops), the preview (and whether it is
 * the last version that rendered rather than the current one), the placeholders with their values
 * for that recipient, and saving (refused while any problem, Liquid or MJML, remains), discarding,
 * resetting and sending a test. The MJML renderer (`mjml-browser`, large) is loaded on first use,
 * so only this page pulls it in.
 */
import { resetTemplate, saveTemplate } from '$lib/db/templates';
import type { ScorecraftDatabase } from '$lib/db';
import {
	accountContexts,
	groupNames,
	problem,
	type Account,
	type Contact,
	type IsoDate,
	type Workspace,
	type WorkspaceIssue
} from '$lib/engine';
import {
	availablePlaceholders,
	checkTemplate,
	compileTemplate,
	emptyPlaceholders,
	mailContext,
	renderMail,
	resolveSender,
	TemplateError,
	type MailContext,
	type MailTemplate,
	type MjmlRenderer,
	type RenderedMail,
	type TemplateOrigin,
	type TemplateProblem
} from '$lib/mail';
import { EMPTY_SENDER, type SenderSource } from '$lib/mail/sender';

/** How long typing must pause before the source is checked and rendered again. */
export const CHECK_DELAY_MS = 300;

let renderer: Promise<MjmlRenderer> | null = null;

/** The browser's MJML renderer, imported once, on first use. */
export function loadBrowserMjml(): Promise<MjmlRenderer> {
	renderer ??= import('mjml-browser').then(({ default: mjml2html }) => async (source: string) => {
		const result = await mjml2html(source, { validationLevel: 'soft' });
		return {
			html: result.html,
			errors: result.errors.map((error) => ({ line: error.line, message: error.message }))
		};
	});
	return renderer;
}

/** A new workspace template: the smallest valid email, with the sender's footer and unsubscribe link. */
export function newTemplate(id: string): MailTemplate {
	return {
		id,
		subject: 'A note for {{ account.name }}',
		mjml: `<mjml lang="en">
  <mj-head>
    <mj-attributes>
      <mj-all font-family="Helvetica, Arial, sans-serif" />
      <mj-text font-size="16px" line-height="24px" color="#1f2933" />
    </mj-attributes>
  </mj-head>
  <mj-body background-color="#f3f4f6" width="600px">
    <mj-section background-color="#ffffff" padding="24px">
      <mj-column>
        <mj-text>Hi {{ contact.first_name | default: "there" }},</mj-text>
        <mj-text>Write your message to {{ account.name }} here.</mj-text>
      </mj-column>
    </mj-section>
    <mj-section padding="16px 24px">
      <mj-column>
        <mj-text font-size="13px" line-height="20px" color="#4b5563">
          You receive this email because {{ contact.email }} is a contact of {{ account.name }}.
          {{ sender.name }} · {{ sender.postal_address }}<br />
          <a href="{{ unsubscribe_url }}" style="color: #1d4ed8;">Unsubscribe from these emails</a>
        </mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>
`
	};
}

/** The first id `template-N` not taken. */
export function freeTemplateId(taken: Iterable<string>): string {
	const ids = [...taken];
	let n = 1;
	while (ids.includes(`template-${n}`)) n++;
	return `template-${n}`;
}

/** Accounts for the recipient picker: the Scale segment first (the one emails go to), then by name. */
export function recipientOrder(accounts: readonly Account[]): Account[] {
	const scale = (account: Account) => (account.segment.toLowerCase() === 'scale' ? 0 : 1);
	return [...accounts].sort(
		(a, b) => scale(a) - scale(b) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id)
	);
}

/** The name a warning calls a recipient by. */
export function recipientName(contact: Pick<Contact, 'email'> & { name?: string }): string {
	return contact.name?.trim() || contact.email;
}

export interface RecipientInput {
	/** A workspace holding the account (`accountWorkspace`). */
	workspace: Workspace;
	account: Account;
	contact: Contact;
	asOf: IsoDate;
	/** The app's address: the logo and the unsubscribe preview page live there. */
	origin: string;
	/**
	 * The server's sender identity (`loadSenderIdentity()`), so the preview carries the From name,
	 * postal address and links real messages will; without it, the workspace's settings and
	 * placeholders.
	 */
	sender?: SenderSource | null;
}

/** The data the preview renders with: what a play's email to this contact would be given. */
export function recipientContext(input: RecipientInput): MailContext | null {
	const score = accountContexts(input.workspace, input.asOf, [input.account.id]).get(
		input.account.id
	);
	if (!score) return null;
	const sender = resolveSender(input.sender?.identity ?? EMPTY_SENDER, {
		settings: input.workspace.settings,
		mailFrom: input.sender?.mail_from ?? null,
		publicUrl: input.sender?.public_url ?? input.origin
	});
	return mailContext({
		account: input.account,
		contact: input.contact,
		score,
		groupNames: groupNames(input.workspace.scorecards),
		sender,
		// The logo and the unsubscribe page of a preview are this app's: the page shows only its
		// own images (its CSP), and a preview's unsubscribe link must not unsubscribe anyone.
		publicUrl: input.origin,
		unsubscribeUrl: `${input.origin}/unsubscribe/preview`
	});
}

export type TestSend =
	| { status: 'idle' }
	| { status: 'sending' }
	| { status: 'sent'; to: string; messageId: string }
	| { status: 'failed'; error: string };

/** Asks the server to send the template, rendered for `context`, to the operator's address. */
export async function sendTest(
	template: MailTemplate,
	context: MailContext,
	fetcher: typeof fetch = fetch
): Promise<TestSend> {
	try {
		const response = await fetcher('/api/mail/test', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ template, context })
		});
		const answer = (await response.json().catch(() => ({}))) as Record<string, unknown>;
		if (response.ok && typeof answer.to === 'string')
			return { status: 'sent', to: answer.to, messageId: String(answer.message_id ?? '') };
		const error = typeof answer.error === 'string' ? answer.error : `HTTP ${response.status}`;
		return { status: 'failed', error };
	} catch (error) {
		return { status: 'failed', error: error instanceof Error ? error.message : String(error) };
	}
}

export interface EditorOptions {
	/** The shipped template with this id, or null: what "Reset to shipped" goes back to. */
	shipped: MailTemplate | null;
	/** Whether the workspace holds its own copy. */
	stored: boolean;
	loadRenderer?: () => Promise<MjmlRenderer>;
	send?: typeof sendTest;
}

export class TemplateEditor {
	readonly id: string;
	subject = $state('');
	mjml = $state('');
	/** The recipient the preview is for. */
	accountId: string | null = $state(null);
	contactId: string | null = $state(null);
	/** The recipient's data, set by the page once it has read and scored the account. */
	context: MailContext | null = $state.raw(null);
	problems: TemplateProblem[] = $state.raw([]);
	preview: RenderedMail | null = $state.raw(null);
	/** Why there is no preview (a Liquid error at render time, the renderer failing to load). */
	previewError: string | null = $state(null);
	/**
	 * The problem that stops the current source from rendering, while the preview shows the last
	 * version that did (null: the preview is of the current source, or there is none).
	 */
	staleBecause: TemplateProblem | null = $state.raw(null);
	checking = $state(false);
	saving = $state(false);
	/** What the last save or reset said: null, or the problems that stopped a save. */
	saveIssues: WorkspaceIssue[] = $state.raw([]);
	testSend: TestSend = $state({ status: 'idle' });
	#saved: MailTemplate = $state.raw({ id: '', subject: '', mjml: '' });
	#stored = $state(false);
	readonly #shipped: MailTemplate | null;
	readonly #loadRenderer: () => Promise<MjmlRenderer>;
	readonly #send: typeof sendTest;
	#timer: ReturnType<typeof setTimeout> | null = null;
	/** Bumped for every check: an answer to an older one is dropped. */
	#generation = 0;

	constructor(template: MailTemplate, options: EditorOptions) {
		this.id = template.id;
		this.subject = template.subject;
		this.mjml = template.mjml;
		this.#saved = { ...template };
		this.#stored = options.stored;
		this.#shipped = options.shipped;
		this.#loadRenderer = options.loadRenderer ?? loadBrowserMjml;
		this.#send = options.send ?? sendTest;
	}

	get template(): MailTemplate {
		return { id: this.id, subject: this.subject, mjml: this.mjml };
	}

	/** Whether the preview shows an earlier version than the source (which does not render). */
	get previewStale(): boolean {
		return this.staleBecause !== null && this.preview !== null;
	}

	/** The first markup problem MJML rendered around, when the preview is of the current source. */
	get markupProblem(): TemplateProblem | null {
		if (this.previewStale) return null;
		return this.problems.find((problem) => problem.kind === 'mjml') ?? null;
	}

	readonly dirty: boolean = $derived(
		this.subject !== this.#saved.subject || this.mjml !== this.#saved.mjml
	);

	get origin(): TemplateOrigin {
		if (!this.#stored) return 'shipped';
		return this.#shipped ? 'replaced' : 'workspace';
	}

	readonly placeholders = $derived(this.context ? availablePlaceholders(this.context) : []);

	readonly emptyPlaceholders = $derived(
		this.context ? emptyPlaceholders(this.template, this.context) : []
	);

	/** Problems of the subject line (line 0), shown by the subject field. */
	get subjectProblems(): TemplateProblem[] {
		return this.problems.filter((problem) => problem.line === 0);
	}

	/** Problems in the source, by line. */
	get sourceProblems(): TemplateProblem[] {
		return this.problems.filter((problem) => problem.line > 0);
	}

	/** Checks and renders again once typing pauses. */
	schedule(delay = CHECK_DELAY_MS): void {
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = setTimeout(() => {
			this.#timer = null;
			void this.check();
		}, delay);
	}

	/** Stops a pending check (the page is going away). */
	dispose(): void {
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = null;
		this.#generation++;
	}

	/** Checks the source by line and renders the preview for the chosen recipient. */
	async check(): Promise<void> {
		const generation = ++this.#generation;
		const template = this.template;
		const context = this.context;
		this.checking = true;
		try {
			const mjml = await this.#loadRenderer();
			const problems = await checkTemplate(template, mjml);
			let preview: RenderedMail | null = null;
			let previewError: string | null = null;
			let blocking: TemplateProblem | null = null;
			const compiled = compileTemplate(template);
			if (!compiled.ok) blocking = compiled.problems[0] ?? null;
			else if (context) {
				try {
					preview = await renderMail(compiled.compiled, context, mjml);
				} catch (error) {
					if (!(error instanceof TemplateError)) throw error;
					previewError = error.message;
					blocking = error.problems[0] ?? null;
					for (const problem of error.problems)
						if (!problems.some((p) => p.line === problem.line && p.message === problem.message))
							problems.push(problem);
				}
			}
			if (generation !== this.#generation) return;
			this.problems = problems.sort((a, b) => a.line - b.line);
			// A source that does not render keeps the last preview, marked as such: it shows what
			// the fix will restore.
			if (preview) this.preview = preview;
			this.staleBecause = preview ? null : blocking;
			this.previewError = previewError;
		} catch (error) {
			if (generation !== this.#generation) return;
			this.previewError = error instanceof Error ? error.message : String(error);
		} finally {
			if (generation === this.#generation) this.checking = false;
		}
	}

	/**
	 * Checks the template whole (Liquid, MJML markup, links) and saves it: refused, with the
	 * problems by line, while any remains, since a run could not send it as written.
	 */
	async save(db: ScorecraftDatabase): Promise<boolean> {
		this.saving = true;
		try {
			const template = this.template;
			let mjml: MjmlRenderer;
			try {
				mjml = await this.#loadRenderer();
			} catch (error) {
				this.saveIssues = [
					{
						path: '',
						...problem('other', { text: error instanceof Error ? error.message : String(error) })
					}
				];
				return false;
			}
			const result = await saveTemplate(db, template, mjml);
			if (!result.ok) {
				this.saveIssues = result.errors;
				return false;
			}
			this.saveIssues = [];
			this.#saved = template;
			this.#stored = true;
			return true;
		} finally {
			this.saving = false;
		}
	}

	/** Puts the source back to what is saved (the unsaved edits are lost). */
	discard(): void {
		this.subject = this.#saved.subject;
		this.mjml = this.#saved.mjml;
		this.saveIssues = [];
	}

	/** Drops the workspace's copy: the shipped template is back, in the editor too. */
	async reset(db: ScorecraftDatabase): Promise<void> {
		if (!this.#shipped) return;
		await resetTemplate(db, this.id);
		this.subject = this.#shipped.subject;
		this.mjml = this.#shipped.mjml;
		this.#saved = { ...this.#shipped };
		this.#stored = false;
		this.saveIssues = [];
	}

	async sendTest(): Promise<void> {
		if (!this.context) return;
		this.testSend = { status: 'sending' };
		this.testSend = await this.#send(this.template, this.context);
	}
}
