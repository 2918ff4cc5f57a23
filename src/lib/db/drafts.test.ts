import { describe, expect, it } from 'vitest';
import { generateSample } from '$lib/engine/sample';
import {
	discardDraft,
	getDraft,
	listVersions,
	publishDraft,
	rollBack,
	saveDraft,
	StalePublishError
} from './drafts';
import { addManualEntry, manualEntriesOf } from './manual';
import { readMeta } from './meta';
import { testDatabase } from './testing';
import { exportWorkspace, replaceWorkspace } from './workspace';

const sample = generateSample({ accounts: 20, weeks: 4 });
const scale = sample.scorecards.find((card) => card.id === 'scale')!;
const kim = { by: 'kim@vendor.example', at: '2026-11-24T10:00:00Z' };

async function store() {
	const db = testDatabase();
	await replaceWorkspace(db, sample);
	return db;
}

describe('drafts and versions', () => {
	it('keeps edits in a draft that does not score until it is published', async () => {
		const db = await store();
		const edited = {
			...scale,
			groups: scale.groups.map((g) => ({ ...g, weight: g.id === 'adoption' ? 70 : 30 }))
		};
		const before = await readMeta(db, 'dataVersion');
		await saveDraft(db, edited, { at: '2026-11-24T09:00:00Z' });
		expect((await getDraft(db, 'scale'))?.scorecard.status).toBe('draft');
		expect(await db.scorecards.get('scale')).toEqual(scale);
		expect(await readMeta(db, 'dataVersion')).toBe(before);

		const published = await publishDraft(db, 'scale', kim);
		expect(published).toMatchObject({
			scorecard_id: 'scale',
			version: 1,
			published_by: kim.by,
			published_at: kim.at
		});
		expect(await db.scorecards.get('scale')).toMatchObject({
			status: 'published',
			version: 1,
			groups: edited.groups
		});
		expect(await getDraft(db, 'scale')).toBeNull();
		expect(await readMeta(db, 'dataVersion')).toBe(before! + 1);
	});

	it('refuses to publish a draft over a version someone published since it started, until the person chose to', async () => {
		const db = await store();
		const weighted = (weight: number) => ({
			...scale,
			groups: scale.groups.map((g) => ({ ...g, weight }))
		});
		await saveDraft(db, weighted(10), { at: kim.at });
		await publishDraft(db, 'scale', kim);
		// Lea's draft starts from version 1; Kim publishes version 2 meanwhile (from her browser).
		await saveDraft(db, weighted(30), { at: '2026-11-24T11:00:00Z' });
		const leasDraft = (await getDraft(db, 'scale'))!;
		await discardDraft(db, 'scale');
		await saveDraft(db, weighted(20), { at: kim.at });
		await publishDraft(db, 'scale', kim);
		await db.scorecardDrafts.put(leasDraft);
		// Saving again keeps the version the draft started from.
		await saveDraft(db, weighted(40), { at: '2026-11-24T12:00:00Z' });
		expect((await getDraft(db, 'scale'))?.based_on).toBe(1);

		const lea = { by: 'lea@vendor.example', at: '2026-11-24T12:30:00Z' };
		const refused = publishDraft(db, 'scale', lea);
		await expect(refused).rejects.toThrow(StalePublishError);
		await expect(refused).rejects.toThrow(
			'kim@vendor.example published version 2 of this scorecard since this draft started from version 1'
		);
		expect((await listVersions(db, 'scale')).map((v) => v.version)).toEqual([1, 2]);
		expect((await getDraft(db, 'scale'))?.scorecard.groups[0]!.weight).toBe(40);

		const over = await publishDraft(db, 'scale', lea, { over: 2 });
		expect(over).toMatchObject({ version: 3, published_by: lea.by });
		expect((await db.scorecards.get('scale'))?.groups[0]!.weight).toBe(40);
	});

	it('numbers every published version and rolls back by publishing an old one again', async () => {
		const db = await store();
		for (const weight of [10, 20]) {
			await saveDraft(
				db,
				{ ...scale, groups: scale.groups.map((g) => ({ ...g, weight })) },
				{ at: kim.at }
			);
			await publishDraft(db, 'scale', kim);
		}
		expect((await listVersions(db, 'scale')).map((v) => v.version)).toEqual([1, 2]);
		const back = await rollBack(db, 'scale', 1, { by: 'lee', at: '2026-11-25T08:00:00Z' });
		expect(back?.version).toBe(3);
		expect((await db.scorecards.get('scale'))?.groups[0]!.weight).toBe(10);
		expect(await rollBack(db, 'scale', 9, kim)).toBeNull();
		// The draft of a published scorecard records what it started from.
		expect((await saveDraft(db, scale, { at: kim.at, origin: 'backtest' })).based_on).toBe(3);
	});

	it('publishes a new scorecard at the end of the order, and discards a draft', async () => {
		const db = await store();
		await saveDraft(db, { ...scale, id: 'fresh', name: 'Fresh' }, { at: kim.at });
		await publishDraft(db, 'fresh', kim);
		expect((await exportWorkspace(db)).scorecards.map((card) => card.id).at(-1)).toBe('fresh');
		await saveDraft(db, { ...scale, id: 'gone', name: 'Gone' }, { at: kim.at });
		await discardDraft(db, 'gone');
		expect(await getDraft(db, 'gone')).toBeNull();
		expect(await publishDraft(db, 'gone', kim)).toBeNull();
	});

	it('publishes the scorecards that make room for a new one in the same go, keeping their drafts', async () => {
		const db = await store();
		// Scale is being edited; a new scorecard takes its place at priority 1.
		await saveDraft(db, { ...scale, name: 'Scale (edited)' }, { at: kim.at });
		await saveDraft(
			db,
			{ ...scale, id: 'scale_v2', name: 'Scale v2', priority: 1 },
			{ at: kim.at }
		);
		const before = await readMeta(db, 'dataVersion');
		const published = await publishDraft(db, 'scale_v2', kim, {
			moves: [
				{ id: 'scale', priority: 2 },
				{ id: 'nope', priority: 3 }
			]
		});
		expect(published?.version).toBe(1);
		expect(await db.scorecards.get('scale')).toMatchObject({ priority: 2, version: 1 });
		expect((await listVersions(db, 'scale')).map((v) => [v.version, v.published_by])).toEqual([
			[1, kim.by]
		]);
		expect((await getDraft(db, 'scale'))?.scorecard).toMatchObject({
			name: 'Scale (edited)',
			priority: 2
		});
		expect(await db.scorecards.get('nope')).toBeUndefined();
		expect(await readMeta(db, 'dataVersion')).toBeGreaterThan(before!);
	});

	it('exports the versions, the drafts and the manual entries, and a replace brings them back', async () => {
		const db = await store();
		await saveDraft(db, scale, { at: kim.at });
		await publishDraft(db, 'scale', kim);
		await saveDraft(db, { ...scale, name: 'Scale (next)' }, { at: kim.at });
		const account = sample.accounts[0]!.id;
		await addManualEntry(db, {
			account_id: account,
			measure_id: 'relationship',
			value: 70,
			comment: 'QBR went well',
			entered_by: 'kim',
			entered_at: '2026-11-20T10:00:00Z'
		});
		await addManualEntry(db, {
			account_id: account,
			measure_id: 'relationship',
			value: 60,
			entered_by: 'lee',
			entered_at: '2026-11-22T10:00:00Z'
		});
		expect(
			(await manualEntriesOf(db, account, 'relationship')).map((entry) => entry.value)
		).toEqual([60, 70]);

		const exported = await exportWorkspace(db);
		expect(exported.scorecard_versions).toHaveLength(1);
		expect(exported.scorecard_drafts).toHaveLength(1);
		expect(exported.manual_entries).toHaveLength(2);
		const copy = testDatabase();
		await replaceWorkspace(copy, exported);
		expect(await exportWorkspace(copy)).toEqual(exported);
	});
});
