/**
 * What the builder's drag-and-drop zones hold: measures of the scorecard and ready measures of the
 * palette, in one item shape (svelte-dnd-action moves items between zones of one type as they are).
 */
import { SHADOW_ITEM_MARKER_PROPERTY_NAME, setAriaStrings } from 'svelte-dnd-action';
import type { Measure } from '$lib/engine';
import { paletteEntry } from '$lib/engine/palette';
import { getLocale, t } from '$lib/i18n/messages';
import type { Placement } from '$lib/state/builder/edits';

export const ZONE_TYPE = 'measure';

export interface DndItem {
	/** Unique across every zone, and kept while an item travels, so keyboard focus follows it. */
	id: string;
	kind: 'measure' | 'palette';
	/** The measure id, or the palette entry id. */
	ref: string;
	[SHADOW_ITEM_MARKER_PROPERTY_NAME]?: boolean;
}

let copies = 0;

/** A palette item under an id never used before (each drag out of the palette leaves a copy). */
export function paletteItem(entryId: string): DndItem {
	copies += 1;
	return { id: `palette:${entryId}:${copies}`, kind: 'palette', ref: entryId };
}

export function isShadow(item: DndItem): boolean {
	return item[SHADOW_ITEM_MARKER_PROPERTY_NAME] === true;
}

export function placementOf(item: DndItem): Placement | null {
	if (item.kind === 'measure') return { kind: 'measure', id: item.ref };
	const entry = paletteEntry(item.ref, getLocale());
	return entry ? { kind: 'new', measure: entry.measure } : null;
}

/** The name an item shows (and is announced by) wherever it is. */
export function itemName(item: DndItem, measures: ReadonlyMap<string, Measure>): string {
	return item.kind === 'measure'
		? (measures.get(item.ref)?.name ?? item.ref)
		: (paletteEntry(item.ref, getLocale())?.measure.name ?? item.ref);
}

/** A calm drop-target outline instead of the library's yellow glow. */
export const DROP_TARGET_STYLE = { outline: '2px dashed #0b5cad', outlineOffset: '2px' };

/** The library's screen-reader announcements, in the app's words (and its language). */
export function announceInOwnWords(): void {
	setAriaStrings({
		dragStarted: ({ itemLabel, zoneLabel, canMoveBetweenZones }) =>
			canMoveBetweenZones
				? t('builder.dnd.startedBetween', { item: itemLabel, zone: zoneLabel })
				: t('builder.dnd.started', { item: itemLabel, zone: zoneLabel }),
		movedToPosition: ({ itemLabel, zoneLabel, position, count }) =>
			t('builder.dnd.moved', { item: itemLabel, zone: zoneLabel, position, count }),
		movedToZoneStart: ({ itemLabel, zoneLabel }) =>
			t('builder.dnd.movedToStart', { item: itemLabel, zone: zoneLabel }),
		movedToZoneEnd: ({ itemLabel, zoneLabel }) =>
			t('builder.dnd.movedToEnd', { item: itemLabel, zone: zoneLabel }),
		dropped: ({ itemLabel, zoneLabel, position, count }) =>
			t('builder.dnd.dropped', { item: itemLabel, zone: zoneLabel, position, count }),
		zoneActiveInstruction: t('builder.dnd.instruction'),
		zoneDragDisabledInstruction: t('builder.dnd.disabled')
	});
}
