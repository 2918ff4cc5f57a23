import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { replaceWorkspace, workspaceSettings } from '$lib/db';
import { testDatabase } from '$lib/db/testing';
import { exampleWorkspace } from '../../../../tests/support/workspace';
import { BandPlaybooks } from './playbooks.svelte';

async function setup(fetchFn?: typeof fetch) {
	const db = testDatabase('band-playbooks');
	const workspace = exampleWorkspace();
	workspace.scorecards[0]!.bands = [
		{ name: 'Red', min: 0 },
		{ name: 'Watch', min: 50 },
		{ name: 'Green', min: 80 }
	];
	await replaceWorkspace(db, workspace);
	const playbooks = new BandPlaybooks(db, fetchFn);
	await playbooks.load();
	return { db, playbooks };
}

describe('band playbooks in Settings', () => {
	it('lists every band, fills in the framework’s, and saves them in the workspace’s settings', async () => {
		const { db, playbooks } = await setup();
		expect(playbooks.rows.map((row) => row.band)).toEqual([
			'Red',
			'Orange',
			'Yellow',
			'Green',
			'Watch'
		]);
		playbooks.useFramework();
		playbooks.rows.find((row) => row.band === 'Watch')!.response = 'Call within a day';
		playbooks.rows.find((row) => row.band === 'Watch')!.hours = '24';
		await playbooks.save();
		expect(playbooks.problems).toEqual([]);
		const saved = (await workspaceSettings(db)).band_playbooks;
		expect(saved).toContainEqual({
			band: 'Orange',
			response: 'Respond to the customer',
			respond_within_hours: 48,
			to: 'csm'
		});
		expect(saved).toContainEqual({
			band: 'Watch',
			response: 'Call within a day',
			respond_within_hours: 24,
			to: 'csm'
		});
		// Kept from before: the other settings.
		expect((await workspaceSettings(db)).contact_email_cap_7d).toBe(
			exampleWorkspace().settings.contact_email_cap_7d
		);
	});

	it('refuses hours that are not a whole number, naming the band, and saves nothing', async () => {
		const { db, playbooks } = await setup();
		const orange = playbooks.rows.find((row) => row.band === 'Orange')!;
		orange.response = 'Respond';
		orange.hours = 'two days';
		await playbooks.save();
		expect(playbooks.problems).toHaveLength(1);
		expect(playbooks.problems[0]).toMatchObject({ path: 'Orange.respond_within_hours' });
		expect((await workspaceSettings(db)).band_playbooks).toBeUndefined();
	});

	it('asks the server to check now and says what it did', async () => {
		const fetchFn = vi.fn(async () =>
			Response.json({ entered: 3, responses: 2, escalated: 1, emailed: 1, failures: [] })
		);
		const { db, playbooks } = await setup(fetchFn as unknown as typeof fetch);
		// As once the sync has sent this browser's changes: the check waits for that.
		await db.syncChanges.clear();
		await playbooks.checkNow();
		expect(fetchFn).toHaveBeenCalledWith('/api/sla/check', { method: 'POST' });
		expect(playbooks.checked).toMatchObject({ responses: 2, escalated: 1 });
		expect(playbooks.error).toBeNull();
	});
});
