import { flushSync } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
	getDraft,
	listVersions,
	orderedScorecards,
	publishDraft,
	refreshScores,
	replaceWorkspace,
	saveDraft
} from '$lib/db';
import { liveQueriesOnFakeIndexedDb, testDatabase } from '$lib/db/testing';
import type { Scorecard, Workspace } from '$lib/engine';
import { generateSample } from '$lib/engine/sample';
import { paletteEntry } from '$lib/engine/palette';
import { PreviewClient } from '../preview/client';
import { PreviewModel } from '../preview/preview';
import { ScorecardList } from './list.svelte';
import { BuilderSession } from './session.svelte';

liveQueriesOnFakeIndexedDb();

let stops: (() => void)[] = [];
afterEach(() => {
	stops.forEach((stop) => stop());
	stops = [];
});

/** State that follows the store, made inside an effect root as in a component, stopped after. */
function owned<T>(make: () => T): T {
	let value!: T;
	stops.push(
		$effect.root(() => {
			value = make();
		})
	);
	flushSync();
	return value;
}

async function storeWithSample(workspace: Workspace = generateSample({ accounts: 10, weeks: 2 })) {
	const db = testDatabase();
	await replaceWorkspace(db, workspace);
	let clock = 0;
	const now = () => new Date(Date.UTC(2026, 10, 23, 12, 0, clock++)).toISOString();
	return { db, now };
}

describe('the builder session', () => {
	it('creates, edits, saves, publishes, rolls back and discards', async () => {
		const { db, now } = await storeWithSample();
		const list = owned(() => new ScorecardList({ db, now }));
		const id = await list.create('Scale (built)', 'empty');
		expect(id).toBe('scale_built');
		await vi.waitFor(() => expect(list.newDrafts.map((d) => d.scorecard_id)).toEqual([id]));

		const session = owned(() => new BuilderSession(() => id!, { db, now, delayMs: 5 }));
		await vi.waitFor(() => expect(session.state).toBe('ready'));
		expect(session.hasDraft).toBe(true);
		expect(session.published).toBeNull();
		const builder = session.builder!;
		expect(builder.scorecard.priority).toBe(4);

		// Never published: the group's id follows its name.
		const group = builder.renameGroup('group_1', 'Deployment');
		expect(group).toBe('deployment');
		builder.addMeasure(group, paletteEntry('seat_penetration')!.measure);
		flushSync();
		expect(session.save.kind).toBe('saving');
		await vi.waitFor(() => expect(session.save.kind).toBe('saved'));
		expect((await getDraft(db, id!))?.scorecard.groups[0]?.measures[0]?.id).toBe(
			'seat_penetration'
		);

		// An invalid edit is not saved; fixing it is.
		builder.updateBand(0, { name: '' });
		flushSync();
		expect(session.save).toEqual({ kind: 'invalid', count: 1 });
		builder.undo();
		flushSync();
		await vi.waitFor(() => expect(session.save.kind).toBe('saved'));

		await session.publish('Ana');
		expect(session.outcome).toEqual({ kind: 'published', version: 1, moved: [] });
		expect(session.hasDraft).toBe(false);
		expect(builder.scorecard).toMatchObject({ status: 'published', version: 1 });
		expect(builder.canUndo).toBe(true);
		await vi.waitFor(() => expect(session.versions).toHaveLength(1));
		expect(session.versions[0]).toMatchObject({ published_by: 'Ana', version: 1 });
		const stored = (await orderedScorecards(db)).find((card) => card.id === id);
		expect(stored?.groups[0]?.name).toBe('Deployment');

		// Published: a rename keeps the id.
		expect(builder.renameGroup('deployment', 'Seats')).toBe('deployment');
		builder.undo();
		builder.setGroupWeight('deployment', 70);
		flushSync();
		await vi.waitFor(() => expect(session.pending.length).toBe(1));
		await session.publish('Ana');
		await vi.waitFor(() => expect(session.versions).toHaveLength(2));

		await session.rollBack(1, 'Bo');
		expect(session.outcome).toEqual({ kind: 'rolledBack', from: 1, version: 3, draftKept: false });
		expect(builder.scorecard.groups[0]?.weight).toBe(1);
		const versions = await listVersions(db, id!);
		expect(versions.map((v) => [v.version, v.published_by, v.scorecard.groups[0]?.weight])).toEqual(
			[
				[1, 'Ana', 1],
				[2, 'Ana', 70],
				[3, 'Bo', 1]
			]
		);

		builder.rename('Changed');
		flushSync();
		await vi.waitFor(() => expect(session.hasDraft).toBe(true));
		await session.discard();
		expect(session.outcome).toEqual({ kind: 'discarded' });
		expect(builder.scorecard.name).toBe('Scale (built)');
		expect(await getDraft(db, id!)).toBeNull();
	});

	it('says when there is no such scorecard, and deletes a draft never published', async () => {
		const { db, now } = await storeWithSample();
		const missing = owned(() => new BuilderSession(() => 'nope', { db, now }));
		await vi.waitFor(() => expect(missing.state).toBe('notFound'));

		const list = owned(() => new ScorecardList({ db, now }));
		const id = await list.create('Draft only', 'scale');
		const session = owned(() => new BuilderSession(() => id!, { db, now }));
		await vi.waitFor(() => expect(session.state).toBe('ready'));
		expect(session.builder!.scorecard.groups.map((g) => g.id)).toEqual(['deployment', 'adoption']);
		await session.discard();
		expect(session.outcome).toEqual({ kind: 'deleted' });
	});
});

describe('publishing', () => {
	it('lists the plays it would break and waits, and publishes at once what breaks none', async () => {
		const sample = generateSample({ accounts: 40, weeks: 2 });
		const asOf = sample.snapshots
			.map((snapshot) => snapshot.date)
			.sort()
			.at(-1)!;
		const { db, now } = await storeWithSample(sample);
		const model = new PreviewModel(sample, asOf);
		const previewOf = async (draft: Scorecard) => {
			const scorecards = await orderedScorecards(db);
			const published = scorecards.find((card) => card.id === draft.id) ?? null;
			const outcome = model.preview(draft, published, { scorecards });
			if (!outcome.ok) throw new Error(JSON.stringify(outcome));
			return outcome.result;
		};
		const list = owned(() => new ScorecardList({ db, now }));
		const id = (await list.create('Scale v2', 'scale'))!;
		const session = owned(() => new BuilderSession(() => id, { db, now, delayMs: 1, previewOf }));
		await vi.waitFor(() => expect(session.state).toBe('ready'));
		const builder = session.builder!;
		// A new scorecard for a segment: it asks whether to replace what covers it (an empty one,
		// applying to every account, would not).
		expect(session.asksAboutOverlap).toBe(true);
		builder.setAppliesTo(undefined);
		expect(session.asksAboutOverlap).toBe(false);
		builder.undo();
		// It replaces the shipped Scale scorecard, and its Adoption group gets another id.
		builder.setPriority(1);
		expect(builder.setGroupId('adoption', 'usage')).toBe(true);
		flushSync();

		await session.requestPublish('Ana');
		expect(session.check?.kind).toBe('confirm');
		const breaks = session.check?.kind === 'confirm' ? session.check.breaks : [];
		expect(breaks.map((play) => play.id)).toEqual([
			'scale-training-invitation',
			'scale-community-invitation'
		]);
		expect(breaks[0]!.references[0]).toMatchObject({
			path: 'score.groups.adoption',
			name: 'Adoption'
		});
		session.cancelPublish();
		expect(session.check).toBeNull();
		expect((await orderedScorecards(db)).some((card) => card.id === id)).toBe(false);

		// The id the plays read: nothing breaks, it publishes, and Scale makes room after it.
		builder.setGroupId('usage', 'adoption');
		flushSync();
		await session.requestPublish('Ana');
		expect(session.check).toBeNull();
		expect(session.outcome).toEqual({
			kind: 'published',
			version: 1,
			moved: [{ id: 'scale', name: 'Scale segment', priority: 2 }]
		});
		const order = (await orderedScorecards(db)).map((card) => [card.id, card.priority]);
		expect(order).toEqual(
			expect.arrayContaining([
				['scale_v2', 1],
				['scale', 2]
			])
		);
	});

	it('lets the person publish unchecked when the check cannot run', async () => {
		const { db, now } = await storeWithSample();
		const list = owned(() => new ScorecardList({ db, now }));
		const id = (await list.create('Other', 'empty'))!;
		const previewOf = () => Promise.reject(new Error('no preview'));
		const session = owned(() => new BuilderSession(() => id, { db, now, delayMs: 1, previewOf }));
		await vi.waitFor(() => expect(session.state).toBe('ready'));
		await session.requestPublish('Ana');
		expect(session.check).toEqual({ kind: 'unchecked', error: 'no preview', by: 'Ana' });
		await session.confirmPublish();
		expect(session.outcome).toMatchObject({ kind: 'published', version: 1 });
	});
});

describe('the scorecards list', () => {
	it('reorders by publishing the scorecards whose priority changes, keeping their drafts', async () => {
		const { db, now } = await storeWithSample();
		const list = owned(() => new ScorecardList({ db, now }));
		await vi.waitFor(() => expect(list.rows).toHaveLength(3));
		expect(list.rows.map((row) => row.scorecard.id)).toEqual([
			'scale',
			'enterprise-dream',
			'three-dimensions'
		]);

		const session = owned(
			() => new BuilderSession(() => 'three-dimensions', { db, now, delayMs: 1 })
		);
		await vi.waitFor(() => expect(session.state).toBe('ready'));
		session.builder!.rename('Mid-market v2');
		flushSync();
		await vi.waitFor(() => expect(session.hasDraft).toBe(true));

		await list.move('three-dimensions', -2, 'Ana');
		expect(list.outcome).toEqual({
			kind: 'reordered',
			names: ['Mid-market (three dimensions)', 'Scale segment', 'Enterprise (DREAM)']
		});
		await vi.waitFor(() =>
			expect(list.rows.map((row) => [row.scorecard.id, row.scorecard.priority])).toEqual([
				['three-dimensions', 1],
				['scale', 2],
				['enterprise-dream', 3]
			])
		);
		expect((await listVersions(db, 'scale')).map((v) => v.published_by)).toEqual(['Ana']);
		const draft = await getDraft(db, 'three-dimensions');
		expect(draft?.scorecard).toMatchObject({ name: 'Mid-market v2', priority: 1 });
	});

	it('counts the accounts each scorecard scores and says why one scores none', async () => {
		const sample = generateSample({ accounts: 40, weeks: 2 });
		const asOf = sample.snapshots
			.map((snapshot) => snapshot.date)
			.sort()
			.at(-1)!;
		const { db, now } = await storeWithSample(sample);
		await refreshScores(db, asOf);
		const client = () =>
			new PreviewClient(
				() => null,
				() => db
			);
		const list = owned(() => new ScorecardList({ db, now, asOf: () => asOf, client }));
		await vi.waitFor(() => expect(list.rows[0]?.scores).toBeGreaterThan(0));
		const scaleCount = list.rows[0]!.scores!;
		expect(list.reasons).toEqual({});

		// Scale v2, for the same segment, published in front of Scale.
		const scale = (await orderedScorecards(db)).find((card) => card.id === 'scale')!;
		await saveDraft(db, { ...scale, id: 'scale_v2', name: 'Scale v2', priority: 0 }, { at: now() });
		await publishDraft(db, 'scale_v2', { by: 'Ana', at: now() });
		await vi.waitFor(() => expect(list.counting).toBe(true));
		await refreshScores(db, asOf);
		await vi.waitFor(() =>
			expect(list.rows.map((row) => [row.scorecard.id, row.scores])).toEqual([
				['scale_v2', scaleCount],
				['scale', 0],
				['enterprise-dream', expect.any(Number)],
				['three-dimensions', expect.any(Number)]
			])
		);
		await vi.waitFor(() =>
			expect(list.reasons).toEqual({ scale: { kind: 'shadowed', by: ['Scale v2'] } })
		);
	});
});
