/**
 * Settings → Product events (the owner's): the sources of product events, making one with its
 * write key and revoking one. The server shows a write key once, in its answer to the creation:
 * `created` holds it until the owner says they copied it or does something else.
 */
import { t } from '$lib/i18n/messages';
import type { EventSource } from '$lib/server/store/event-sources';

/** What failed, for the panel to say which action it was. */
export interface EventSourcesError {
	action: 'load' | 'create' | 'revoke';
	message: string;
}

export class EventSourcesSettings {
	/** Newest first; null until the server answers. */
	sources: EventSource[] | null = $state.raw(null);
	/** The new source's name, as typed. */
	name = $state('');
	busy = $state(false);
	error: EventSourcesError | null = $state.raw(null);
	/** The source just made and its key: shown this once. */
	created: { source: EventSource; writeKey: string } | null = $state.raw(null);
	/** The source whose revocation waits for the owner's confirmation. */
	confirming: EventSource | null = $state.raw(null);
	readonly #fetch: typeof fetch;

	constructor(fetchFn: typeof fetch = (...args) => fetch(...args)) {
		this.#fetch = fetchFn;
	}

	async load(): Promise<void> {
		try {
			const body = await this.#call<{ sources: EventSource[] }>('/api/event-sources');
			this.sources = body.sources;
			this.error = null;
		} catch (error) {
			this.error = { action: 'load', message: (error as Error).message };
		}
	}

	async create(): Promise<void> {
		this.created = null;
		const name = this.name.trim();
		if (name === '') {
			this.error = { action: 'create', message: t('settings.events.nameMissing') };
			return;
		}
		await this.#act('create', async () => {
			const body = await this.#call<{ source: EventSource; write_key: string }>(
				'/api/event-sources',
				{
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ name })
				}
			);
			this.sources = [body.source, ...(this.sources ?? [])];
			this.name = '';
			this.created = { source: body.source, writeKey: body.write_key };
		});
	}

	/** Asks before revoking: `revoke` follows when the owner confirms. */
	askRevoke(source: EventSource): void {
		this.confirming = source;
	}

	dismissRevoke(): void {
		this.confirming = null;
	}

	async revoke(id: string): Promise<void> {
		this.confirming = null;
		this.created = null;
		await this.#act('revoke', async () => {
			const { source } = await this.#call<{ source: EventSource }>(
				`/api/event-sources/${encodeURIComponent(id)}`,
				{ method: 'DELETE' }
			);
			this.sources = (this.sources ?? []).map((each) => (each.id === source.id ? source : each));
		});
	}

	dismissKey(): void {
		this.created = null;
	}

	async #act(action: EventSourcesError['action'], work: () => Promise<void>): Promise<void> {
		this.busy = true;
		try {
			await work();
			this.error = null;
		} catch (error) {
			this.error = { action, message: (error as Error).message };
		} finally {
			this.busy = false;
		}
	}

	async #call<T>(path: string, init?: RequestInit): Promise<T> {
		const response = await this.#fetch(path, init);
		const body = (await response.json().catch(() => ({}))) as { error?: string };
		if (!response.ok) throw new Error(body.error ?? `HTTP ${response.status}`);
		return body as T;
	}
}
