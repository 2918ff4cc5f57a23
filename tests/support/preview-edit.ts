/**
 * One edit of the builder's preview, made and timed on the page: shared by the preview's
 * end-to-end test and its benchmark, so both wait for the same sign that the preview answered.
 */
import type { Page } from 'playwright-core';

/**
 * Sets the focused threshold field to `value` (one input event, as a keystroke or an arrow key
 * makes) and resolves, on the page, once the panel shows the preview that edit asked for: the
 * milliseconds to that DOM update, to the next frame, and the worker's round trip as the page saw it.
 */
export function editAndTime(page: Page, value: string) {
	return page.evaluate(async (text) => {
		const panel = document.querySelector<HTMLElement>('.preview-panel')!;
		const input = document.activeElement as HTMLInputElement;
		const before = Number(panel.dataset.answers);
		const shown = new Promise<void>((resolve) => {
			const observer = new MutationObserver(() => {
				if (Number(panel.dataset.answers) > before && panel.dataset.busy === 'false') {
					observer.disconnect();
					resolve();
				}
			});
			observer.observe(panel, { attributes: true });
		});
		const started = performance.now();
		input.value = text;
		input.dispatchEvent(new Event('input', { bubbles: true }));
		await shown;
		const toDom = performance.now() - started;
		await new Promise(requestAnimationFrame);
		return {
			toDom,
			toFrame: performance.now() - started,
			roundTrip: Number(panel.dataset.latencyMs),
			worker: Number(panel.dataset.workerMs),
			load: Number(panel.dataset.loadMs)
		};
	}, value);
}
