import { describe, expect, it } from 'vitest';
import { requestPersistence, storageState } from './storage';

describe('storageState', () => {
	it('reads persistence and the estimate', async () => {
		const storage = {
			persisted: async () => true,
			estimate: async () => ({ usage: 1_500_000, quota: 300_000_000 })
		};
		expect(await storageState(storage)).toEqual({
			persisted: true,
			usage: 1_500_000,
			quota: 300_000_000
		});
	});

	it('answers null for what the browser cannot tell', async () => {
		const empty = { persisted: null, usage: null, quota: null };
		expect(await storageState(undefined)).toEqual(empty);
		expect(await storageState({})).toEqual(empty);
		expect(await storageState({ estimate: async () => ({}) })).toEqual(empty);
		const failing = {
			persisted: () => Promise.reject(new Error('denied')),
			estimate: () => Promise.reject(new Error('denied'))
		};
		expect(await storageState(failing)).toEqual(empty);
	});

	it('works where there is no navigator at all (the server)', async () => {
		expect((await storageState()).persisted).toBeNull();
	});
});

describe('requestPersistence', () => {
	it('asks the browser and gives its answer', async () => {
		let asked = 0;
		const answer = async () => {
			asked++;
			return false;
		};
		expect(await requestPersistence({ persist: answer })).toBe(false);
		expect(asked).toBe(1);
	});

	it('answers null without the API, or when asking fails', async () => {
		expect(await requestPersistence({})).toBeNull();
		expect(await requestPersistence({ persist: () => Promise.reject(new Error('no')) })).toBeNull();
	});
});
