/**
 * Turns svelte-dnd-action's events into builder edits. A move between groups ends with a
 * `finalize` on both zones, one after the other: they are gathered and committed once, in a
 * microtask, as one edit. A keyboard drag fires `finalize` at every arrow key: its moves join one
 * undo step, so Ctrl+Z takes back the whole drag.
 */
import { SOURCES, TRIGGERS, type DndEventInfo } from 'svelte-dnd-action';
import type { ScorecardBuilder } from '$lib/state/builder/builder.svelte';
import type { Placement } from '$lib/state/builder/edits';
import { isShadow, placementOf, type DndItem } from './dnd';

export class DropCommitter {
	readonly #builder: () => ScorecardBuilder;
	// Bookkeeping of the drop being committed and of item ids, never rendered: plain Maps on purpose.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#pending = new Map<string, DndItem[]>();
	#moved: DndItem | undefined;
	#scheduled = false;
	#drag = 0;
	/**
	 * The zone item id of each measure that arrived from the palette: it keeps the id it was
	 * dragged with, or the keyboard drag would lose its item the moment it lands.
	 */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#itemIds = new Map<string, string>();

	/**
	 * True while an item is carried with the keyboard: the controls around the zones step out of
	 * the Tab order (`inert`), so Tab goes from group to group as the library means it to.
	 */
	keyboardDrag = $state(false);

	constructor(builder: () => ScorecardBuilder) {
		this.#builder = builder;
	}

	/** The zone item id of a measure. */
	itemId(measureId: string): string {
		return this.#itemIds.get(measureId) ?? `measure:${measureId}`;
	}

	/** Every zone's `consider` event: drags start and (keyboard ones) stop here. */
	considered(info: DndEventInfo): void {
		if (info.trigger === TRIGGERS.DRAG_STARTED) {
			// What a drag does until it is dropped is one undo step.
			this.#drag += 1;
			this.#builder().seal();
			this.keyboardDrag = info.source === SOURCES.KEYBOARD;
		} else if (info.trigger === TRIGGERS.DRAG_STOPPED) {
			this.keyboardDrag = false;
		}
	}

	/** A zone's list as the drag left it; `draggedId` is the zone item that moved. */
	finalize(groupId: string, items: readonly DndItem[], draggedId: string): void {
		this.#pending.set(
			groupId,
			items.filter((item) => !isShadow(item))
		);
		this.#moved = items.find((item) => item.id === draggedId) ?? this.#moved;
		if (this.#scheduled) return;
		this.#scheduled = true;
		queueMicrotask(() => this.#commit());
	}

	#commit(): void {
		this.#scheduled = false;
		const builder = this.#builder();
		const pending = this.#pending;
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		this.#pending = new Map();
		const moved = this.#moved;
		this.#moved = undefined;
		const layout: Record<string, Placement[]> = {};
		// The new measures' items in the order `arrange` reports the measures it added.
		const arrivals: DndItem[] = [];
		for (const group of builder.scorecard.groups) {
			const items = pending.get(group.id);
			if (!items) continue;
			layout[group.id] = items.flatMap((item) => {
				const placement = placementOf(item);
				if (placement?.kind === 'new') arrivals.push(item);
				return placement ? [placement] : [];
			});
		}
		const added = builder.arrange(layout, {
			moved: moved?.kind === 'measure' ? moved.ref : undefined,
			joins: `drag:${this.#drag}`
		});
		added.forEach((measureId, i) => {
			const item = arrivals[i];
			if (item) this.#itemIds.set(measureId, item.id);
		});
	}
}
