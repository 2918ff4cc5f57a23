import { describe, expect, it } from 'vitest';
import type { Play } from '$lib/engine';
import { exampleWorkspace } from '../../../tests/support/workspace';
import { planPlays, unresolvedReferences } from '$lib/engine';
import { runPlan } from './outbox';
import {
	deletePlay,
	listPlays,
	playHasRuns,
	savePlay,
	scoredAccounts,
	setPlayEnabled
} from './plays';
import { refreshScores } from './scores';
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
		expect(bad.ok ? [] : bad.errors).toMatchObject([
			{ path: 'when', message: 'unknown group "nope" (score.groups.nope)' }
		]);
		expect((await db.plays.get('red-call'))?.when).toEqual(play.when);

		await setPlayEnabled(db, 'red-call', true);
		expect((await db.plays.get('red-call'))?.enabled).toBe(true);
		await deletePlay(db, 'red-call');
		expect((await listPlays(db)).map((p) => p.id)).toEqual(['scale-training']);
	});

	it('changes a play’s id in its place until a run used it, never onto another play', async () => {
		const db = testDatabase();
		await replaceWorkspace(db, exampleWorkspace());
		const draft: Play = {
			id: 'new_play',
			name: 'New play',
			enabled: true,
			mode: 'auto',
			when: true,
			actions: [{ type: 'tag', add: ['seen'] }],
			cooldown_days: 7
		};
		await savePlay(db, draft);
		await savePlay(db, { ...draft, id: 'tag_everyone' }, { previousId: 'new_play' });
		expect((await listPlays(db)).map((p) => p.id)).toEqual(['scale-training', 'tag_everyone']);
		expect(await db.plays.get('new_play')).toBeUndefined();

		const taken = await savePlay(
			db,
			{ ...draft, id: 'scale-training' },
			{ previousId: 'tag_everyone' }
		);
		expect(taken.ok ? [] : taken.errors).toMatchObject([
			{ path: 'id', message: 'another play already has the id "scale-training"' }
		]);
		const badFormat = await savePlay(
			db,
			{ ...draft, id: 'Tag: all' },
			{ previousId: 'tag_everyone' }
		);
		expect(badFormat.ok).toBe(false);

		const [play] = (await listPlays(db)).filter((p) => p.id === 'tag_everyone');
		const workspace = { ...exampleWorkspace(), plays: [play!] };
		await runPlan(db, planPlays({ workspace, asOf: '2026-11-02' }), {
			at: '2026-11-02T08:00:00Z',
			by: 'kim'
		});
		expect(await playHasRuns(db, 'tag_everyone')).toBe(true);
		const afterRun = await savePlay(
			db,
			{ ...draft, id: 'renamed' },
			{ previousId: 'tag_everyone' }
		);
		expect(afterRun.ok ? [] : afterRun.errors[0]?.path).toBe('id');
		expect(await db.plays.get('tag_everyone')).toBeDefined();
	});

	it('gives the accounts with their cached scorecard, for the Plays list’s warnings', async () => {
		const db = testDatabase();
		const workspace = exampleWorkspace();
		await replaceWorkspace(db, workspace);
		// Not scored yet: nothing to warn about.
		expect(await scoredAccounts(db)).toEqual([]);
		await refreshScores(db, '2026-11-02');
		const accounts = await scoredAccounts(db);
		expect(accounts).toEqual([
			{ id: 'acme', segment: 'scale', scorecard_id: 'scale' },
			{ id: 'globex', segment: 'scale', scorecard_id: 'scale' }
		]);
		const reader: Play = {
			...workspace.plays[0]!,
			id: 'reads-gone',
			when: { '<': [{ var: 'score.groups.engagement' }, 50] }
		};
		expect(unresolvedReferences([reader], accounts, workspace.scorecards)).toEqual([
			{
				play_id: 'reads-gone',
				path: 'score.groups.engagement',
				kind: 'group',
				id: 'engagement',
				accounts: 2,
				reachable: 2,
				scorecards: ['scale']
			}
		]);
	});
});
