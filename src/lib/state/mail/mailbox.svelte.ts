/**
 * The Mailbox page's state: the sink's message list from the server, the search over it, and the
 * message open. Reads go through `fetchFn`, so tests give their own.
 */
import type { MessageSummary, StoredMessage } from '$lib/server/mail/mailbox';

/** A message as the page opens it: what the sink stored, with its raw source. */
export type OpenMessage = StoredMessage & { raw: string };

export type Transport = 'smtp' | 'sink';

async function readJson<T>(response: Response): Promise<T> {
	const body = (await response.json().catch(() => null)) as (T & { error?: string }) | null;
	if (!response.ok) throw new Error(body?.error ?? `${response.status} ${response.statusText}`);
	if (body === null) throw new Error('the server answered with no JSON');
	return body;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export class Mailbox {
	transport = $state<Transport | null>(null);
	/** The public URL the server makes links with now. */
	publicUrl = $state<string | null>(null);
	messages = $state.raw<MessageSummary[]>([]);
	loading = $state(false);
	error = $state<string | null>(null);
	query = $state('');
	/** The messages whose recipient or subject contains the search text. */
	filtered = $derived.by(() => {
		const query = this.query.trim().toLowerCase();
		if (!query) return this.messages;
		return this.messages.filter(
			(message) =>
				message.to.toLowerCase().includes(query) || message.subject.toLowerCase().includes(query)
		);
	});

	selectedId = $state<string | null>(null);
	message = $state.raw<OpenMessage | null>(null);
	opening = $state(false);
	openError = $state<string | null>(null);

	readonly #fetch: typeof fetch;
	/** Counts requests to open a message, so only the last one asked for is shown. */
	#openSeq = 0;

	constructor(fetchFn: typeof fetch = (...args) => fetch(...args)) {
		this.#fetch = fetchFn;
	}

	async refresh(): Promise<void> {
		this.loading = true;
		try {
			const body = await readJson<{
				transport: Transport;
				public_url?: string;
				messages: MessageSummary[];
			}>(await this.#fetch('/api/mailbox'));
			this.transport = body.transport;
			this.publicUrl = body.public_url ?? null;
			this.messages = body.messages;
			this.error = null;
		} catch (error) {
			this.error = messageOf(error);
		} finally {
			this.loading = false;
		}
	}

	async open(id: string): Promise<void> {
		const seq = ++this.#openSeq;
		this.selectedId = id;
		this.opening = true;
		this.openError = null;
		try {
			const message = await readJson<OpenMessage>(
				await this.#fetch(`/api/mailbox/${encodeURIComponent(id)}`)
			);
			if (seq === this.#openSeq) this.message = message;
		} catch (error) {
			if (seq === this.#openSeq) {
				this.message = null;
				this.openError = messageOf(error);
			}
		} finally {
			if (seq === this.#openSeq) this.opening = false;
		}
	}
}
