/**
 * The email a dry run's entry would send, rendered for its recipient before anything is sent: the
 * same template set, context and renderer path the server sends with (`TemplateSet`,
 * `recipientContext`), with the browser's MJML renderer. The sources are injected, so tests pass
 * a workspace and a fake renderer instead of the store and `mjml-browser`.
 */
import { accountWorkspace, type ScorecraftDatabase } from '$lib/db';
import type { Account, Contact, IsoDate, PlanEntry, Workspace } from '$lib/engine';
import { TemplateSet, type MailTemplate, type MjmlRenderer, type RenderedMail } from '$lib/mail';
import { SHIPPED_TEMPLATES } from '$lib/mail/shipped';
import type { SenderSource } from '$lib/mail/sender';
import { loadSenderIdentity } from '../mail/sender';
import { loadBrowserMjml, recipientContext } from '../templates/template-editor.svelte';

export interface PreviewSources {
	/** A workspace holding the account (`accountWorkspace`), or null when there is no such account. */
	account: (id: string) => Promise<{ account: Account; workspace: Workspace } | null>;
	/** The workspace's own templates: they replace or add to the shipped ones. */
	templates: () => Promise<readonly MailTemplate[]>;
	renderer: () => Promise<MjmlRenderer>;
	/** The app's address: the logo and the unsubscribe preview page live there. */
	origin: () => string;
	/** The server's sender identity (From, footer, links), as the server would send; null: placeholders. */
	sender: () => Promise<SenderSource | null>;
}

/** The sources the pages use: the store, and `mjml-browser` loaded on first use. */
export function storePreviewSources(db: ScorecraftDatabase): PreviewSources {
	return {
		account: (id) => accountWorkspace(db, id),
		templates: () => db.templates.toArray(),
		renderer: loadBrowserMjml,
		origin: () => location.origin,
		sender: () => loadSenderIdentity()
	};
}

export type PreviewState =
	| { status: 'closed' }
	| { status: 'loading'; entry: PlanEntry }
	| {
			status: 'ready';
			entry: PlanEntry;
			mail: RenderedMail;
	  }
	/** Why it cannot be shown: no recipient, no such template, a template that fails to render. */
	| { status: 'failed'; entry: PlanEntry; error: string };

/** Whether an entry is an email with someone to send it to (what a preview needs). */
export function canPreview(entry: PlanEntry): boolean {
	return entry.detail.type === 'email' && entry.recipient !== '';
}

/** The contact an entry goes to; the CSM (a recipient without a contact) as the server builds them. */
function contactOf(entry: PlanEntry, workspace: Workspace, account: Account): Contact | null {
	const id = entry.detail.type === 'email' ? entry.detail.contact_id : undefined;
	if (id) return workspace.contacts.find((contact) => contact.id === id) ?? null;
	return { id: '', account_id: account.id, email: entry.recipient, name: '', role: 'csm' };
}

export class EmailPreviewer {
	state: PreviewState = $state.raw({ status: 'closed' });
	readonly #sources: PreviewSources;
	/** Counts openings, so a slow render for an entry closed since never shows. */
	#opened = 0;

	constructor(sources: PreviewSources) {
		this.#sources = sources;
	}

	get open(): boolean {
		return this.state.status !== 'closed';
	}

	close(): void {
		this.#opened++;
		this.state = { status: 'closed' };
	}

	/** Opens the entry's email, rendered for its recipient as of `asOf` (the plan's date). */
	async show(entry: PlanEntry, asOf: IsoDate): Promise<void> {
		const opening = ++this.#opened;
		this.state = { status: 'loading', entry };
		const next = await this.#render(entry, asOf);
		if (opening === this.#opened) this.state = next;
	}

	async #render(entry: PlanEntry, asOf: IsoDate): Promise<PreviewState> {
		const failed = (error: string): PreviewState => ({ status: 'failed', entry, error });
		if (entry.detail.type !== 'email') return failed('not an email');
		if (!canPreview(entry)) return failed('no recipient');
		try {
			const [found, templates, renderer, sender] = await Promise.all([
				this.#sources.account(entry.account_id),
				this.#sources.templates(),
				this.#sources.renderer(),
				this.#sources.sender()
			]);
			if (!found) return failed(`no account "${entry.account_id}"`);
			const set = new TemplateSet(SHIPPED_TEMPLATES, templates, renderer);
			const template = entry.detail.template;
			if (!set.has(template)) return failed(`no template "${template}"`);
			const contact = contactOf(entry, found.workspace, found.account);
			if (!contact) return failed(`no contact "${entry.recipient}"`);
			const context = recipientContext({
				workspace: found.workspace,
				account: found.account,
				contact,
				asOf,
				origin: this.#sources.origin(),
				sender
			});
			if (!context) return failed(`no score for "${found.account.name}"`);
			return { status: 'ready', entry, mail: await set.render(template, context) };
		} catch (error) {
			// A `TemplateError` names the template and the line.
			return failed(error instanceof Error ? error.message : String(error));
		}
	}
}
