import { describe, expect, it } from 'vitest';
import { replaceWorkspace } from '$lib/db';
import { testDatabase } from '$lib/db/testing';
import { exampleWorkspace } from '../../../../tests/support/workspace';
import { PreviewClient, type PreviewAnswer } from './client';
import type { PreviewInput, PreviewRequest, PreviewResponse } from './types';

/** A worker that keeps what it is sent and answers when the test says. */
class FakeWorker extends EventTarget {
	readonly posted: PreviewRequest[] = [];
	terminated = false;

	postMessage(request: PreviewRequest): void {
		this.posted.push(request);
	}

	terminate(): void {
		this.terminated = true;
	}

	answer(request: PreviewRequest): void {
		const response: PreviewResponse = {
			id: request.id,
			ok: false,
			reason: 'failed',
			message: request.draft.name
		};
		this.dispatchEvent(Object.assign(new Event('message'), { data: response }));
	}
}

const workspace = exampleWorkspace();
const input = (name: string): PreviewInput => ({
	draft: { ...workspace.scorecards[0]!, name },
	published: null,
	asOf: '2026-11-24'
});

describe('PreviewClient', () => {
	it('computes one request at a time and keeps only the latest next one', async () => {
		const worker = new FakeWorker();
		const client = new PreviewClient(() => worker as unknown as Worker);
		const answers: Record<string, PreviewAnswer> = {};
		const ask = (name: string) =>
			client.request(input(name)).then((answer) => (answers[name] = answer));
		const all = Promise.all(['one', 'two', 'three', 'four'].map(ask));
		expect(worker.posted.map((request) => request.draft.name)).toEqual(['one']);
		worker.answer(worker.posted[0]!);
		await Promise.resolve();
		// "two" and "three" were replaced by "four" while "one" ran.
		expect(worker.posted.map((request) => request.draft.name)).toEqual(['one', 'four']);
		worker.answer(worker.posted[1]!);
		await all;
		expect(answers).toEqual({
			one: { ok: false, reason: 'failed', message: 'one' },
			two: { ok: false, reason: 'superseded' },
			three: { ok: false, reason: 'superseded' },
			four: { ok: false, reason: 'failed', message: 'four' }
		});
	});

	it('ignores an answer to a request it did not send', async () => {
		const worker = new FakeWorker();
		const client = new PreviewClient(() => worker as unknown as Worker);
		const answer = client.request(input('one'));
		worker.answer({ ...worker.posted[0]!, id: 99 });
		worker.answer(worker.posted[0]!);
		expect(await answer).toMatchObject({ message: 'one' });
	});

	it('runs on the page thread where there is no worker, reading the store', async () => {
		const db = testDatabase('preview');
		await replaceWorkspace(db, workspace);
		const client = new PreviewClient(
			() => null,
			() => db
		);
		expect(client.inWorker).toBe(false);
		const answer = await client.request(input('Scale'));
		expect(answer.ok).toBe(true);
		if (!answer.ok) return;
		expect(answer.result.matching).toBeGreaterThan(0);
		expect(answer.result.timings.loadMs).toBeGreaterThan(0);
		// The second request finds the workspace loaded.
		const again = await client.request(input('Scale again'));
		expect(again.ok && again.result.timings.loadMs).toBe(0);
	});

	it('reloads the workspace when the store changes', async () => {
		const db = testDatabase('preview-reload');
		await replaceWorkspace(db, workspace);
		const client = new PreviewClient(
			() => null,
			() => db
		);
		const first = await client.request(input('Scale'));
		const smaller = exampleWorkspace();
		smaller.accounts = smaller.accounts.slice(0, 1);
		smaller.snapshots = smaller.snapshots.filter((s) => s.account_id === smaller.accounts[0]!.id);
		smaller.contacts = smaller.contacts.filter((c) => c.account_id === smaller.accounts[0]!.id);
		smaller.outcomes = [];
		await replaceWorkspace(db, smaller);
		const second = await client.request(input('Scale'));
		expect(first.ok && second.ok).toBe(true);
		if (!first.ok || !second.ok) return;
		expect(second.result.dataVersion).toBeGreaterThan(first.result.dataVersion);
		expect(second.result.accounts).toBe(1);
	});

	it('falls back to the page thread when the worker fails to load', async () => {
		const db = testDatabase('preview-fallback');
		await replaceWorkspace(db, workspace);
		const worker = new FakeWorker();
		const client = new PreviewClient(
			() => worker as unknown as Worker,
			() => db
		);
		const answer = client.request(input('Scale'));
		worker.dispatchEvent(new Event('error'));
		expect((await answer).ok).toBe(true);
		expect(worker.terminated).toBe(true);
		expect(client.inWorker).toBe(false);
	});
});
