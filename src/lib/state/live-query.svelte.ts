/**
 * A Dexie `liveQuery` as Svelte state: the query runs again whenever a table it read changes, in
 * this tab, in another tab or in a worker, and `current` follows. Create it while a component
 * initialises (or inside `$effect.root`): it subscribes in an effect and unsubscribes when that
 * effect is torn down.
 */
import { liveQuery } from 'dexie';
import { untrack } from 'svelte';

export class LiveQuery<T> {
	/** The latest result; undefined until the first one arrives (or while new parameters load). */
	current: T | undefined = $state.raw(undefined);
	error: string | null = $state(null);

	/**
	 * `params` names the reactive values the query depends on (an account id from the URL, say):
	 * when they change the query starts over. The query itself runs outside Svelte's tracking, as
	 * Dexie calls it again on its own.
	 */
	constructor(query: () => Promise<T>, params: () => unknown = () => undefined) {
		$effect(() => {
			params();
			return untrack(() => {
				this.current = undefined;
				this.error = null;
				const subscription = liveQuery(query).subscribe({
					next: (value) => {
						this.current = value;
						this.error = null;
					},
					error: (error: unknown) => {
						this.error = error instanceof Error ? error.message : String(error);
					}
				});
				return () => subscription.unsubscribe();
			});
		});
	}

	/** True until the first result (or an error) arrives. */
	get loading(): boolean {
		return this.current === undefined && this.error === null;
	}
}
