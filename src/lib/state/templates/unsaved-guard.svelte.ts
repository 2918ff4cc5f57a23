/**
 * Leaving a page with unsaved edits asks first. In-app navigation (a link, the back button, a
 * `goto`) is held back while the page asks in its own dialog, then made once the user chooses to
 * leave; closing the tab or going to another site gets the browser's own prompt (`beforeunload`),
 * the only one a page may show then.
 */

/** The part of SvelteKit's `BeforeNavigate` the guard reads. */
export interface Navigation {
	type: string;
	to: { url: URL } | null;
	cancel(): void;
}

export class UnsavedGuard {
	/** Where the user asked to go while there were unsaved edits; null: not asking. */
	pending: URL | null = $state.raw(null);
	readonly #dirty: () => boolean;
	/** Set once the user chose to leave: the navigation that follows goes through. */
	#leaving = false;

	constructor(dirty: () => boolean) {
		this.#dirty = dirty;
	}

	/** For `beforeNavigate`: holds an in-app navigation back and asks. */
	intercept(navigation: Navigation): void {
		if (this.#leaving || !this.#dirty()) return;
		// Leaving the app (closing, reloading, another site): the `beforeunload` handler asks.
		if (navigation.type === 'leave') return;
		navigation.cancel();
		if (navigation.to) this.pending = navigation.to.url;
	}

	/** For `beforeunload`: the browser's prompt when there are unsaved edits. */
	beforeUnload(event: BeforeUnloadEvent): void {
		if (this.#leaving || !this.#dirty()) return;
		event.preventDefault();
		// Older browsers show the prompt only when `returnValue` is set.
		event.returnValue = '';
	}

	/** The user chose to leave: where to go now (the edits are dropped). */
	leave(): URL | null {
		const url = this.pending;
		this.pending = null;
		this.#leaving = url !== null;
		return url;
	}

	/** The user chose to stay. */
	stay(): void {
		this.pending = null;
	}
}
