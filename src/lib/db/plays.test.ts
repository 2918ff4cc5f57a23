import { describe, expect, it } from 'vitest';
import type { Play } from '$lib/engine';
import { exampleWorkspace } from '../../../tests/support/workspace';
import { deletePlay, listPlays, savePlay, setPlayEnabled } from './plays';
import { testDatabase } from './testing';
import { replaceWorkspace } from './workspace';

describe('plays in the store', () => {
	it('saves a valid play after the others, refuses an invalid one with paths, toggles and deletes', async () => {
		const db = testDatabase();
		await replaceWorkspace(db, exampleWorkspace());
		const play: Play = {
			id: 'red-call',
			name: 'Call Red accounts',
			enabled: false,
			mode: 'approve',
			when: { '==': [{ var: 'score.band' }, 'Red'] },
			actions: [{ type: 'task', title: 'Call', due_in_days: 2 }],
			cooldown_days: 14
		};
		expect((await savePlay(db, play)).ok).toBe(true);
		expect((await listPlays(db)).map((p) => p.id)).toEqual(['scale-training', 'red-call']);

		const bad = await savePlay(db, { ...play, when: { '<': [{ var: 'score.groups.nope' }, 1] } });
		expect(bad.ok ? [] : bad.errors).toEqual([
			{ path: 'when', message: 'unknown group "nope" (score.groups.nope)' }
		]);
		expect((await db.plays.get('red-call'))?.when).toEqual(play.when);

		await setPlayEnabled(db, 'red-call', true);
		expect((await db.plays.get('red-call'))?.enabled).toBe(true);
		await deletePlay(db, 'red-call');
		expect((await listPlays(db)).map((p) => p.id)).toEqual(['scale-training']);
	});
});
