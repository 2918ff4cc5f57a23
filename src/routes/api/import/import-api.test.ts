// @vitest-environment node
/**
 * `POST /api/import/{kind}` as scripts call it (the file as the body, the mapping and format in the
 * query) and as the Data page does (a form: the fields, then the file); the answer, the live stream's announcement and the audit; the refusals with their
 * status and `{error}`; and the imported records reaching another person's replica.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { inspectCsv } from '$lib/import/pipeline';
import {
	IMPORT_MAX_BYTES,
	importForm,
	importPath,
	uploadCsv,
	type ImportAnswer
} from '$lib/import/upload';
import type { Caller } from '$lib/server/auth/access';
import { appFetch, call, freshServerEnv, TEST_OWNER } from '../../../../tests/support/api';
import { publishTo, replicaOf } from '../../../../tests/support/replica';
import { exampleWorkspace } from '../../../../tests/support/workspace';

let post: typeof import('./[kind]/+server').POST;

const person = (role: Caller['role'], n: number): Caller => ({
	...TEST_OWNER,
	id: `00000000-0000-4000-8000-00000000020${n}`,
	email: `${role}@app.example`,
	role
});

const accounts = new Blob([
	readFileSync(new URL('../../../../tests/fixtures/csv/accounts.csv', import.meta.url))
]);

/** The path the page posts `file` of `kind` to, mapped as its first look guessed. */
async function pathFor(kind: 'accounts' | 'snapshots', file: Blob) {
	const inspected = await inspectCsv(file, kind);
	if (!inspected.ok) throw new Error(inspected.problem);
	return importPath(kind, inspected.value.mapping, inspected.value.format);
}

beforeAll(async () => {
	freshServerEnv();
	({ POST: post } = await import('./[kind]/+server'));
	await publishTo(await appFetch(), exampleWorkspace());
});

afterAll(async () => {
	await (await import('$lib/server/mail/service')).resetMailService();
});

describe('/api/import/{kind}', () => {
	it('imports the file, tells the live stream and the audit log, and answers the counts and problems', async () => {
		const { mailServer } = await import('$lib/server/mail/server');
		const { store } = await mailServer();
		const announced: number[] = [];
		const stop = store.feed.subscribe((revision) => announced.push(revision));
		onTestFinished(stop);
		const file = new Blob([
			'Account ID,Date,Seats Active\nacme,2026-12-07,19\nnobody,2026-12-07,3\n'
		]);
		const response = await call(post, await pathFor('snapshots', file), {
			caller: person('leader', 1),
			body: file,
			headers: { 'content-type': 'text/csv' },
			params: { kind: 'snapshots' }
		});
		expect(response.status).toBe(200);
		const answer = (await response.json()) as ImportAnswer;
		expect(answer.summary.snapshots).toEqual({ added: 1, updated: 0, unchanged: 0 });
		expect(answer.check).toMatchObject({ rows: 2, validRows: 1, invalidRows: 1 });
		expect(answer.errors).toEqual([
			{ row: 3, column: 'Account ID', value: 'nobody', problem: 'unknown_account' }
		]);
		expect(announced).toContain(answer.revision);
		const [entry] = await store.audit.list({ action: 'import.csv' });
		expect(entry).toMatchObject({
			actor_email: 'leader@app.example',
			subject: 'snapshots',
			detail: { revision: answer.revision, added: 1, rows: 2, refused: 1 }
		});
	});

	it('refuses with the status and the reason: a role, a bad query, a size, a file', async () => {
		const path = await pathFor('accounts', accounts);
		const ask = (options: Parameters<typeof call>[2], to = path) =>
			call(post, to, {
				body: accounts,
				params: { kind: new URL(to, 'http://x').pathname.split('/').pop()! },
				...options
			}).then(async (response) => ({ status: response.status, body: await response.json() }));

		expect(await ask({ caller: person('csm', 2) })).toEqual({
			status: 403,
			body: { error: 'changing accounts takes the leader or ops role (yours: csm)' }
		});
		expect(await ask({}, path.replace('/accounts?', '/tasks?'))).toMatchObject({
			status: 400,
			body: { error: expect.stringMatching(/^no import of "tasks"/) }
		});
		expect(await ask({}, path.replace(/format=[^&]*/, 'format=%7B%7D'))).toEqual({
			status: 400,
			body: { error: 'format: expected {delimiter, newline, decimalComma}' }
		});
		expect(
			await ask({ headers: { 'content-length': String(IMPORT_MAX_BYTES + 1) } })
		).toMatchObject({
			status: 413,
			body: { error: expect.stringMatching(/larger than the 64 MB/) }
		});
		expect(await ask({ body: new Blob(['Id;Name;Segment\n']) })).toMatchObject({
			status: 422,
			body: { error: expect.stringMatching(/heading row/) }
		});
	});

	it('takes a form, whose mapping of hundreds of columns no query could carry, and names a form out of order', async () => {
		const metrics = Array.from({ length: 400 }, (_, i) => `Adoption signal ${i + 1}`);
		const file = new Blob([
			`Account ID,Date,${metrics.join(',')}\nacme,2026-12-14,${metrics.map((_, i) => i).join(',')}\n`
		]);
		const inspected = await inspectCsv(file, 'snapshots');
		if (!inspected.ok) throw new Error(inspected.problem);
		const { mapping, format } = inspected.value;
		// Past the 16 KB of request line and headers a Node server reads.
		expect(importPath('snapshots', mapping, format).length).toBeGreaterThan(16 * 1024);

		const answer = await uploadCsv(
			{ file, kind: 'snapshots', mapping, format },
			await appFetch(person('ops', 5))
		);
		expect(answer.summary.snapshots).toEqual({ added: 1, updated: 0, unchanged: 0 });
		const { mailServer } = await import('$lib/server/mail/server');
		const { records } = (await mailServer()).store.published;
		const { changes } = await records.pull({ since: answer.revision - 1 }, 10);
		const held = changes.map(({ body }) => body) as {
			account_id: string;
			date: string;
			metrics: Record<string, number>;
		}[];
		const imported = held.find((s) => s.account_id === 'acme' && s.date === '2026-12-14');
		expect(Object.keys(imported!.metrics)).toHaveLength(400);
		expect(Object.values(imported!.metrics).at(-1)).toBe(399);

		const backwards = new FormData();
		backwards.set('file', file, 'import.csv');
		backwards.set('mapping', JSON.stringify(mapping));
		backwards.set('format', JSON.stringify(format));
		const refused = await call(post, '/api/import/snapshots', {
			body: backwards,
			params: { kind: 'snapshots' }
		});
		expect(refused.status).toBe(400);
		expect(await refused.json()).toEqual({
			error: 'mapping: missing (expected JSON in the query, or a form field before the file)'
		});
		const noFile = importForm({ file, mapping, format });
		noFile.delete('file');
		const empty = await call(post, '/api/import/snapshots', {
			body: noFile,
			params: { kind: 'snapshots' }
		});
		expect(await empty.json()).toEqual({
			error: 'expected the part file after mapping and format'
		});
	});

	it("brings the imported records to the importer's replica and to everyone else's", async () => {
		const asOps = await appFetch(person('ops', 3));
		const mine = await replicaOf(asOps);
		const theirs = await replicaOf(await appFetch(person('viewer', 4)));
		onTestFinished(() => {
			mine.stop();
			theirs.stop();
		});
		const inspected = await inspectCsv(accounts, 'accounts');
		if (!inspected.ok) throw new Error(inspected.problem);
		const answer = await uploadCsv({ file: accounts, kind: 'accounts', ...inspected.value }, asOps);
		expect(answer.summary.accounts).toMatchObject({ added: 8, updated: 2 });
		for (const replica of [mine, theirs]) {
			await replica.sync();
			expect(await replica.db.accounts.count()).toBe(10);
			expect(await replica.db.accounts.get('umbrella')).toMatchObject({
				name: 'Umbrella Health',
				tags: ['regulated', 'health'],
				facts: { seats_purchased: 800, region: 'APAC' }
			});
			// Pulled, not pushed back: nothing waits in the replica.
			expect(await replica.db.syncChanges.count()).toBe(0);
		}
		await expect(
			uploadCsv(
				{ file: accounts, kind: 'accounts', ...inspected.value },
				await appFetch(person('viewer', 4))
			)
		).rejects.toMatchObject({ status: 403 });
	});
});
