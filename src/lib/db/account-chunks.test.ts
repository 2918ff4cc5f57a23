import { describe, expect, it } from 'vitest';
import type { AccountHistory } from '$lib/engine';
import { testDatabase } from './testing';

const history = (account: string, overall: number): AccountHistory => ({
	account_id: account,
	dates: ['2026-11-16', '2026-11-23'],
	scorecard_id: ['scale', 'scale'],
	overall: [overall, overall + 1],
	band: ['Green', 'Green'],
	groups: {}
});

describe('score caches kept a few hundred accounts to a record', () => {
	it('replaces them all, reads them in account order, and finds each one', async () => {
		const db = testDatabase('histories');
		const ids = Array.from({ length: 600 }, (_, i) => `acct-${String(i).padStart(4, '0')}`);
		await db.histories.replace(ids.toReversed().map((id, i) => history(id, i)));
		expect(await db.historyChunks.count()).toBeLessThan(5);
		expect((await db.histories.toArray()).map((each) => each.account_id)).toEqual(ids);
		for (const id of ['acct-0000', 'acct-0249', 'acct-0250', 'acct-0599'])
			expect((await db.histories.get(id))?.account_id).toBe(id);
		expect(await db.histories.get('acct-0599x')).toBeUndefined();
		expect(await db.histories.get('a')).toBeUndefined();

		// One put: a new account before every other, and one replaced.
		await db.histories.put(history('a', 1));
		await db.histories.put(history('acct-0300', 99));
		expect(await db.histories.get('a')).toEqual(history('a', 1));
		expect(await db.histories.get('acct-0300')).toEqual(history('acct-0300', 99));
		expect(await db.histories.count()).toBe(601);

		await db.histories.replace([history('b', 2)]);
		expect(await db.histories.toArray()).toEqual([history('b', 2)]);
	});
});
