/** What the builder's end-to-end journey reads and does on its pages, apart from the journey. */
import type { Locator, Page } from 'playwright-core';

/** Waits for the store to have scores (the header says so) and returns their date. */
export async function scoresReady(page: Page): Promise<string> {
	const status = page.locator('header [role="status"][data-status="ready"]');
	await status.waitFor({ timeout: 150_000 });
	return (await status.getAttribute('data-as-of'))!;
}

export const zone = (page: Page, group: string) =>
	page.getByRole('list', { name: `Measures of ${group}` });

/** The measure ids in a group's zone, in order. */
export const measuresIn = (page: Page, group: string) =>
	zone(page, group)
		.locator('li')
		.evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.measure));

/**
 * Drags `source` onto `target` with the mouse, in small steps as a hand would: svelte-dnd-action
 * follows pointer events, starts a drag after a few pixels and checks the zone under the item as
 * it moves. The drop waits until the target shows where the item would land.
 */
export async function dragWithMouse(page: Page, source: Locator, target: Locator, landed: Locator) {
	const from = (await source.boundingBox())!;
	const to = (await target.boundingBox())!;
	await page.mouse.move(from.x + 12, from.y + from.height / 2);
	await page.mouse.down();
	await page.mouse.move(from.x + 22, from.y + from.height / 2 + 6, { steps: 4 });
	await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 20 });
	await landed.waitFor({ state: 'attached' });
	await page.mouse.up();
}

/** A band's count of matching accounts in the live preview, once the preview is up to date. */
export async function previewCount(page: Page, band: string): Promise<number> {
	const preview = page.locator('.preview-panel[data-busy="false"]');
	await preview.waitFor({ timeout: 30_000 });
	const cells = preview
		.getByRole('table', { name: 'Matching accounts per band' })
		.locator(`tr[data-band="${band}"] td.numeric`);
	return Number((await cells.first().textContent())!.replaceAll(',', ''));
}

/** The text of every body row of a table, cell by cell. */
export function tableText(table: Locator): Promise<string[][]> {
	return table.evaluate((element: HTMLTableElement) =>
		[...element.tBodies]
			.flatMap((body) => [...body.rows])
			.map((row) => [...row.cells].map((cell) => cell.textContent!.replace(/\s+/g, ' ').trim()))
	);
}
