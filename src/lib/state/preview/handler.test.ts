import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { replaceWorkspace } from '$lib/db';
import { testDatabase } from '$lib/db/testing';
import type { Scorecard } from '$lib/engine';
import { account, AS_OF, measure, snapshot } from '../../../../tests/support/builders';
import { workspaceWith } from '../../../../tests/support/workspace';
import { PreviewHandler } from './handler';

const scale: Scorecard = {
	id: 'scale',
	name: 'Scale',
	groups: [
		{
			id: 'adoption',
			name: 'Adoption',
			measures: [
				measure(
					'usage',
					{ var: 'usage' },
					{ type: 'steps', steps: [{ min: 50, score: 90 }], else: 10 }
				)
			]
		}
	]
};

const storeOf = (ids: string[]) =>
	workspaceWith({
		accounts: ids.map((id) => account(id)),
		snapshots: ids.map((id) => snapshot(id, { usage: 60 }))
	});

describe('PreviewHandler', () => {
	it('previews from the store as it is now, reading it again only when its data changed', async () => {
		const db = testDatabase('preview-handler');
		await replaceWorkspace(db, storeOf(['a', 'b', 'c']));
		const handler = new PreviewHandler(() => db);
		const ask = async (id: number) => {
			const response = await handler.handle({ id, draft: scale, published: null, asOf: AS_OF });
			if (!response.ok) throw new Error(JSON.stringify(response));
			return response;
		};

		const first = await ask(1);
		expect(first).toMatchObject({ id: 1, result: { matching: 3 } });
		const again = await ask(2);
		expect(again).toMatchObject({ id: 2, result: { matching: 3, timings: { loadMs: 0 } } });

		// An import (any write that moves the data version): the next preview sees the new data.
		await replaceWorkspace(db, storeOf(['a', 'b', 'c', 'd', 'e']));
		expect(await ask(3)).toMatchObject({ id: 3, result: { matching: 5 } });
		expect(await ask(4)).toMatchObject({ id: 4, result: { matching: 5 } });
	});
});
