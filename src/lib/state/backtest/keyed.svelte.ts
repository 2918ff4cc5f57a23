/**
 * Results computed on demand for one selection (scorecard, horizon, target, data version), kept
 * by key so going back to a selection shows its result again instead of computing it anew.
 */
import { SvelteMap } from 'svelte/reactivity';

export type Outcome<T> =
	{ kind: 'running' } | { kind: 'done'; value: T } | { kind: 'error'; message: string };

export class KeyedResults<T> {
	readonly #entries = new SvelteMap<string, Outcome<T>>();

	get(key: string): Outcome<T> | undefined {
		return this.#entries.get(key);
	}

	/** Starts `work` for `key` unless it is running or done (a failure may be tried again). */
	request(key: string, work: () => Promise<T>): void {
		const entry = this.#entries.get(key);
		if (entry && entry.kind !== 'error') return;
		this.#entries.set(key, { kind: 'running' });
		work().then(
			(value) => this.#entries.set(key, { kind: 'done', value }),
			(error: unknown) =>
				this.#entries.set(key, {
					kind: 'error',
					message: error instanceof Error ? error.message : String(error)
				})
		);
	}
}
