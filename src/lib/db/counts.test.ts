import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchCounts } from './counts';
import { bumpDataVersion } from './meta';
import { testDatabase } from './testing';
import type { Account } from '$lib/engine';

const account = (id: string): Account => ({ id, name: id, segment: 'scale' });

describe('watchCounts', () => {
	const stops: (() => void)[] = [];
	afterEach(() => stops.splice(0).forEach((stop) => stop()));

	it('counts at once, follows every change to the last one, and counts a burst of writes far fewer times than it commits', async () => {
		const db = testDatabase('counts');
		const seen: Record<'accounts' | 'snapshots', number>[] = [];
		stops.push(
			watchCounts(db, ['accounts', 'snapshots'], { counts: (c) => seen.push(c), error: (e) => { throw e; } }, 200) // prettier-ignore
		);
		await vi.waitFor(() => expect(seen[0]).toEqual({ accounts: 0, snapshots: 0 }));

		for (let i = 0; i < 30; i++)
			await db.accounts.bulkAdd([account(`a${i}-1`), account(`a${i}-2`)]);
		await vi.waitFor(() => expect(seen.at(-1)).toEqual({ accounts: 60, snapshots: 0 }));
		expect(seen.length).toBeLessThan(15);

		// A change to a table it does not follow is not counted.
		const before = seen.length;
		await bumpDataVersion(db);
		await new Promise((resolve) => setTimeout(resolve, 400));
		expect(seen.length).toBe(before);

		await db.accounts.delete('a0-1');
		await vi.waitFor(() => expect(seen.at(-1)).toEqual({ accounts: 59, snapshots: 0 }));
	});

	it('stops hearing changes once stopped', async () => {
		const db = testDatabase('counts');
		const seen: unknown[] = [];
		const stop = watchCounts(
			db,
			['accounts'],
			{ counts: (c) => seen.push(c), error: () => {} },
			10
		);
		await vi.waitFor(() => expect(seen[0]).toEqual({ accounts: 0 }));
		await db.accounts.add(account('early'));
		await vi.waitFor(() => expect(seen.at(-1)).toEqual({ accounts: 1 }));
		stop();
		const heard = seen.length;
		await db.accounts.add(account('late'));
		await new Promise((resolve) => setTimeout(resolve, 100));
		expect(seen).toHaveLength(heard);
	});
});
