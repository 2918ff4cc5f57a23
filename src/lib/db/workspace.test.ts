import { describe, expect, it } from 'vitest';
import { emptyWorkspace, type Workspace } from '$lib/engine';
import { generateSample } from '$lib/engine/sample';
import { readMeta } from './meta';
import { canonical, testDatabase } from './testing';
import { exportWorkspace, replaceWorkspace } from './workspace';

const sample = generateSample({ accounts: 150, weeks: 26 });

/** A workspace with fields the format does not know, on records of every kind and at the top. */
function withExtraFields(): Workspace {
	const workspace = structuredClone(sample);
	workspace.accounts[0]!.x_region = { code: 'EMEA', since: [2021, null] };
	workspace.contacts[0]!.x_pronouns = 'they';
	workspace.snapshots[0]!.x_source = 'warehouse';
	// An outcome field named like the store's own key must survive too.
	workspace.outcomes[0]!.id = 'renewal-42';
	workspace.scorecards[0]!.x_owner = 'kim';
	workspace.plays.push({
		id: 'nudge',
		name: 'Nudge',
		enabled: false,
		mode: 'approve',
		when: { '<': [{ var: 'score.overall' }, 40] },
		actions: [{ type: 'task', title: 'Call', x_note: 'kept' }],
		cooldown_days: 14,
		x_team: 'scale'
	});
	workspace.templates.push({ id: 'hello', subject: 'Hello', mjml: '<mjml></mjml>', x_lang: 'en' });
	workspace.settings = { currency: 'EUR', x_nested: { a: [1, 2] } };
	return { ...workspace, x_exported_by: 'cli 0.1' };
}

describe('replaceWorkspace and exportWorkspace', () => {
	it('give back the workspace written, up to record order', async () => {
		const db = testDatabase();
		await replaceWorkspace(db, sample);
		expect(canonical(await exportWorkspace(db))).toEqual(canonical(sample));
	});

	it('export, replace, export gives the same JSON', async () => {
		const db = testDatabase();
		await replaceWorkspace(db, withExtraFields());
		const first = JSON.stringify(await exportWorkspace(db));
		await replaceWorkspace(db, JSON.parse(first) as Workspace);
		expect(JSON.stringify(await exportWorkspace(db))).toBe(first);
	});

	it('keep fields the format does not know, on records and at the top level', async () => {
		const db = testDatabase();
		const workspace = withExtraFields();
		await replaceWorkspace(db, workspace);
		const exported = await exportWorkspace(db);
		expect(canonical(exported)).toEqual(canonical(workspace));
		expect(exported.x_exported_by).toBe('cli 0.1');
		expect(exported.outcomes.find((o) => o.id === 'renewal-42')).toEqual(workspace.outcomes[0]);
	});

	it('keep the order of scorecards, plays and templates (priority ties follow it)', async () => {
		const db = testDatabase();
		const workspace = withExtraFields();
		workspace.scorecards.reverse();
		workspace.templates.unshift({ id: 'zz', subject: 'Z', mjml: '' });
		await replaceWorkspace(db, workspace);
		const exported = await exportWorkspace(db);
		expect(exported.scorecards.map((s) => s.id)).toEqual(workspace.scorecards.map((s) => s.id));
		expect(exported.templates.map((s) => s.id)).toEqual(['zz', 'hello']);
	});

	it('do not change the workspace given', async () => {
		const db = testDatabase();
		const workspace = withExtraFields();
		const before = structuredClone(workspace);
		await replaceWorkspace(db, workspace);
		expect(workspace).toEqual(before);
	});

	it('replace all or nothing: a failed write leaves the store as it was', async () => {
		const db = testDatabase();
		await replaceWorkspace(db, sample);
		const version = await readMeta(db, 'dataVersion');
		const broken = structuredClone(sample);
		broken.accounts = broken.accounts.slice(0, 10);
		broken.snapshots.push(broken.snapshots[0]!); // a duplicate key
		await expect(replaceWorkspace(db, broken)).rejects.toThrow();
		expect(canonical(await exportWorkspace(db))).toEqual(canonical(sample));
		expect(await readMeta(db, 'dataVersion')).toBe(version);
	});

	it('bump the data version on every write', async () => {
		const db = testDatabase();
		expect(await readMeta(db, 'dataVersion')).toBeUndefined();
		await replaceWorkspace(db, sample);
		await replaceWorkspace(db, sample);
		expect(await readMeta(db, 'dataVersion')).toBe(2);
	});

	it('export an empty store as a valid empty workspace', async () => {
		expect(await exportWorkspace(testDatabase())).toEqual(emptyWorkspace());
	});
});

describe('replacing with the empty workspace', () => {
	it('leaves nothing: no records, no scorecards, no settings, no caches', async () => {
		const db = testDatabase();
		await replaceWorkspace(db, withExtraFields());
		await db.scores.put({
			account_id: 'acc-0001',
			scorecard_id: null,
			overall: null,
			band: null,
			groups: {},
			measures: {},
			missing: [],
			previous: null,
			delta_30d: null,
			drop_30d: 0,
			anomaly: 0
		});
		await replaceWorkspace(db, emptyWorkspace());
		expect(await exportWorkspace(db)).toEqual(emptyWorkspace());
		expect(await db.scores.count()).toBe(0);
		expect(await readMeta(db, 'dataVersion')).toBe(2);
	});
});
