/**
 * Settings → Unsubscribe links (the owner's): when the key that signs them was made, and rotating
 * it. The server answers with dates only, never a key.
 */
import type { UnsubscribeKeyStatus } from '$lib/server/mail/key-status';

export class UnsubscribeKey {
	status: UnsubscribeKeyStatus | null = $state.raw(null);
	busy = $state(false);
	/** True after a rotation made here. */
	rotated = $state(false);
	error: string | null = $state(null);
	readonly #fetch: typeof fetch;

	constructor(fetchFn: typeof fetch = (...args) => fetch(...args)) {
		this.#fetch = fetchFn;
	}

	async load(): Promise<void> {
		try {
			this.status = await this.#call('/api/unsubscribe-keys');
			this.error = null;
		} catch (error) {
			this.error = (error as Error).message;
		}
	}

	async rotate(): Promise<void> {
		this.busy = true;
		this.rotated = false;
		try {
			this.status = await this.#call('/api/unsubscribe-keys/rotate', { method: 'POST' });
			this.rotated = true;
			this.error = null;
		} catch (error) {
			this.error = (error as Error).message;
		} finally {
			this.busy = false;
		}
	}

	async #call(path: string, init?: RequestInit): Promise<UnsubscribeKeyStatus> {
		const response = await this.#fetch(path, init);
		const body = (await response.json().catch(() => ({}))) as { error?: string };
		if (!response.ok) throw new Error(body.error ?? `HTTP ${response.status}`);
		return body as UnsubscribeKeyStatus;
	}
}
