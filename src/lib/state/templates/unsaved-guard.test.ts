import { describe, expect, it, vi } from 'vitest';
import { UnsavedGuard, type Navigation } from './unsaved-guard.svelte';

/** A `beforeunload` event as the guard sees it (node's events cannot take a `returnValue`). */
function unloadEvent() {
	return {
		preventDefault: vi.fn(),
		returnValue: undefined as unknown
	} as unknown as BeforeUnloadEvent & {
		preventDefault: ReturnType<typeof vi.fn>;
	};
}

function navigation(
	type = 'link',
	to = 'http://app.test/plays'
): Navigation & { cancel: () => void } {
	return { type, to: { url: new URL(to) }, cancel: vi.fn() };
}

describe('UnsavedGuard', () => {
	it('lets a page without unsaved edits go', () => {
		const guard = new UnsavedGuard(() => false);
		const nav = navigation();
		guard.intercept(nav);
		expect(nav.cancel).not.toHaveBeenCalled();
		expect(guard.pending).toBeNull();
		const event = unloadEvent();
		guard.beforeUnload(event);
		expect(event.preventDefault).not.toHaveBeenCalled();
	});

	it('holds an in-app navigation back and asks; leaving then goes where the user asked', () => {
		let dirty = true;
		const guard = new UnsavedGuard(() => dirty);
		const nav = navigation('popstate', 'http://app.test/templates');
		guard.intercept(nav);
		expect(nav.cancel).toHaveBeenCalledOnce();
		expect(guard.pending?.href).toBe('http://app.test/templates');

		guard.stay();
		expect(guard.pending).toBeNull();

		guard.intercept(navigation());
		expect(guard.leave()?.href).toBe('http://app.test/plays');
		expect(guard.pending).toBeNull();
		// The navigation the page then makes is not held back again.
		const again = navigation();
		guard.intercept(again);
		expect(again.cancel).not.toHaveBeenCalled();
		dirty = false;
	});

	it('leaves closing the tab to the browser’s own prompt', () => {
		const guard = new UnsavedGuard(() => true);
		const nav = navigation('leave');
		guard.intercept(nav);
		expect(nav.cancel).not.toHaveBeenCalled();
		const event = unloadEvent();
		guard.beforeUnload(event);
		expect(event.preventDefault).toHaveBeenCalledOnce();
		expect(event.returnValue).toBe('');
	});
});
