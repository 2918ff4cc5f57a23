/**
 * What the sync tests share: a team on a fresh store (an owner, ops, a leader and a CSM) holding
 * the example workspace with Acme in the CSM's book, pushes as a browser sends them, and pulls
 * page by page as a replica makes them.
 */
import { exampleWorkspace } from '../../../../tests/support/workspace';
import type { Workspace } from '../../engine';
import type { ChangeGroup, PullPage, RecordChange } from '../../sync/protocol';
import type { StoreFixture } from '../store/fixture';
import type { Store } from '../store/store';
import { pushChanges, type Pusher } from './push';

/** The example workspace, with Acme in the book of the team's CSM (cam) and two outcomes alike. */
export const withOutcomes = (): Workspace => ({
	...exampleWorkspace(),
	accounts: exampleWorkspace().accounts.map((account) =>
		account.id === 'acme' ? { ...account, csm: 'Cam@Team.example' } : account
	),
	outcomes: [
		{ account_id: 'acme', date: '2026-01-10', type: 'renewed' },
		{ account_id: 'acme', date: '2026-01-10', type: 'renewed' }
	]
});

/** Every page from `since`, as a replica pulls them. */
export async function pullAll(store: Store, since: number, limit = 3) {
	const pages: PullPage[] = [];
	let page = await store.published.records.pull({ since }, limit);
	pages.push(page);
	while (page.cursor) {
		page = await store.published.records.pull({ cursor: page.cursor }, limit);
		pages.push(page);
	}
	return { pages, changes: pages.flatMap((p) => p.changes), revision: page.revision };
}

export const ids = (changes: RecordChange[]) => changes.map((c) => `${c.kind}:${c.id}`);

export function teamOf({ fresh, user }: Pick<StoreFixture, 'fresh' | 'user'>) {
	async function team() {
		const store = await fresh();
		const owner = await user('owner@team.example');
		const ops: Pusher = { actor: await user('ops@team.example'), role: 'ops' };
		const leader: Pusher = { actor: await user('lea@team.example'), role: 'leader' };
		const csm: Pusher = { actor: await user('cam@team.example'), role: 'csm' };
		await store.published.publish(JSON.stringify(withOutcomes()), owner);
		return { store, owner, ops, leader, csm };
	}

	const push = (store: Store, client: string, pusher: Pusher, groups: ChangeGroup[]) =>
		pushChanges(store.published.records, { client, groups }, pusher, async () => {});

	return { team, push };
}
