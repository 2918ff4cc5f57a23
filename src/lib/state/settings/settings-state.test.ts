import { describe, expect, it, vi } from 'vitest';
import { generateSample, SAMPLE_END } from '$lib/engine/sample';
import {
	importRecords,
	refreshScores,
	replaceWorkspace,
	SCHEMA_VERSION,
	type StorageApi
} from '$lib/db';
import { liveQueriesOnFakeIndexedDb, testDatabase } from '$lib/db/testing';
import { SettingsState } from './settings-state.svelte';

/** A browser Storage API that grants persistence only if `grant` says so. */
function fakeStorage(grant: boolean): StorageApi {
	let persisted = false;
	return {
		persisted: async () => persisted,
		persist: async () => (persisted = grant),
		estimate: async () => ({ usage: 2_000_000, quota: 100_000_000 })
	};
}

liveQueriesOnFakeIndexedDb();

describe('SettingsState', () => {
	it('reads the store and the browser, and follows the score cache', async () => {
		const db = testDatabase();
		await replaceWorkspace(db, generateSample({ accounts: 20, weeks: 4 }));
		await refreshScores(db, SAMPLE_END);
		const status = new SettingsState(db, fakeStorage(true));
		const stop = status.start();
		await vi.waitFor(() => expect(status.cache?.asOf).toBe(SAMPLE_END));
		expect(status.cache?.current).toBe(true);
		await vi.waitFor(() =>
			expect(status.storage).toEqual({ persisted: false, usage: 2_000_000, quota: 100_000_000 })
		);
		expect(status.name).toBe(db.name);
		expect(status.version).toBe(SCHEMA_VERSION);

		// A write elsewhere shows here without reloading.
		await importRecords(db, { accounts: [{ id: 'x', name: 'X', segment: 'mid' }] });
		await vi.waitFor(() => expect(status.cache?.current).toBe(false));
		stop();
	});

	it('asks for persistence and says when the browser declines', async () => {
		const granted = new SettingsState(testDatabase(), fakeStorage(true));
		await granted.askPersistence();
		expect(granted.storage?.persisted).toBe(true);
		expect(granted.declined).toBe(false);

		const refused = new SettingsState(testDatabase(), fakeStorage(false));
		await refused.askPersistence();
		expect(refused.storage?.persisted).toBe(false);
		expect(refused.declined).toBe(true);
		expect(refused.asking).toBe(false);
	});
});
