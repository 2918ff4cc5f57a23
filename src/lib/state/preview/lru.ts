/** A map that keeps only its most recently used entries: the preview's caches stay bounded. */
export class Lru<K, V> {
	readonly #entries = new Map<K, V>();
	readonly #limit: number;

	constructor(limit: number) {
		this.#limit = limit;
	}

	/** The value under `key`, made by `make` when absent; either way it becomes the most recent. */
	get(key: K, make: () => V): V {
		let value = this.#entries.get(key);
		if (value !== undefined) this.#entries.delete(key);
		else value = make();
		this.#entries.set(key, value);
		if (this.#entries.size > this.#limit)
			this.#entries.delete(this.#entries.keys().next().value as K);
		return value;
	}

	clear(): void {
		this.#entries.clear();
	}

	get size(): number {
		return this.#entries.size;
	}
}
