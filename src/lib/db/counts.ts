/**
 * Record counts that follow the store, read at most once a `everyMs` while it keeps changing.
 * Counting walks every key, or every account's snapshots (a year of them reads 190,000): a live
 * query would count again after each transaction, and a sync writes a large pull in dozens of them,
 * its own writes then waiting behind the counts. The first change after a quiet spell is counted at
 * once; changes while a count runs or within `everyMs` of the last one are counted together once
 * that time is up, so the last count always follows the last change.
 */
import Dexie, { type ObservabilitySet } from 'dexie';
import type { RecordKind } from '$lib/sync/protocol';
import { tableOfKind, type ScorecraftDatabase } from './database';

export function watchCounts<Kind extends RecordKind>(
	db: ScorecraftDatabase,
	kinds: readonly Kind[],
	on: { counts: (counts: Record<Kind, number>) => void; error: (error: unknown) => void },
	everyMs = 1_000
): () => void {
	const tables = kinds.map(tableOfKind);
	const parts = tables.map((table) => `idb://${db.name}/${table}/`);
	let stopped = false;
	let counting = false;
	let changed = false;
	let lastStart = Number.NEGATIVE_INFINITY;
	let timer: ReturnType<typeof setTimeout> | undefined;

	const count = async () => {
		timer = undefined;
		counting = true;
		changed = false;
		lastStart = performance.now();
		try {
			const counts = await db.transaction('r', tables, () =>
				Promise.all(kinds.map((kind) => db.recordTable(kind).count()))
			);
			if (!stopped)
				on.counts(Object.fromEntries(kinds.map((kind, i) => [kind, counts[i]])) as Record<Kind, number>); // prettier-ignore
		} catch (error) {
			if (!stopped) on.error(error);
		} finally {
			counting = false;
			if (changed) schedule();
		}
	};
	const schedule = () => {
		if (stopped || timer !== undefined) return;
		if (counting) {
			changed = true;
			return;
		}
		timer = setTimeout(count, Math.max(0, lastStart + everyMs - performance.now()));
	};
	const heard = (mutated: ObservabilitySet) => {
		if (Object.keys(mutated).some((part) => parts.some((prefix) => part.startsWith(prefix))))
			schedule();
	};

	Dexie.on('storagemutated', heard);
	void count();
	return () => {
		stopped = true;
		clearTimeout(timer);
		Dexie.on.storagemutated.unsubscribe(heard);
	};
}
