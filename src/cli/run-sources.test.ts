// @vitest-environment node
/**
 * What `engine run` shares with the app's server (`commands/run-sources.ts`). With `--database-url`
 * (a database of this file's own on the test run's PostgreSQL server): the server's unsubscribe
 * list, sender identity and Mailbox, and the run saved for the server. Without it: the data
 * folder's unsubscribe file as before, and a folder whose server keeps its list in a database
 * refused.
 */
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { EMPTY_SENDER } from '../lib/mail/sender';
import { UnsubscribeList, type Unsubscribe } from '../lib/server/mail/unsubscribe';
import { openPostgres } from '../lib/server/store/database';
import { storeOn, type Store } from '../lib/server/store/store';
import { engine } from '../../tests/support/cli';
import { createDatabase } from '../../tests/support/postgres';
import { lowAdoptionExample } from '../../tests/support/workspace';

const BO: Unsubscribe = {
	contact_id: 'c2',
	account_id: 'globex',
	email: 'BO@globex.example',
	at: '2026-02-20T09:00:00.000Z',
	via: 'link'
};

let folder: string;
let workspace: string;
const saved = { ...process.env };

beforeAll(async () => {
	folder = await mkdtemp(join(tmpdir(), 'scorecraft-run-sources-'));
	workspace = join(folder, 'workspace.json');
	// The shipped templates, whose footers show the sender's name and postal address.
	await writeFile(workspace, JSON.stringify({ ...lowAdoptionExample(), templates: [] }));
	delete process.env.MAIL_FROM;
	delete process.env.PUBLIC_URL;
});

afterAll(async () => {
	for (const name of ['SCORECRAFT_DATA', 'MAIL_FROM', 'PUBLIC_URL'])
		if (saved[name] === undefined) delete process.env[name];
		else process.env[name] = saved[name];
	await rm(folder, { recursive: true, force: true });
});

/** `engine run` on the data folder `data` (the child inherits it). */
function run(data: string, ...args: string[]) {
	process.env.SCORECRAFT_DATA = data;
	return engine('run', '--workspace', workspace, '--as-of', '2026-03-01', ...args);
}

const outcomes = (stdout: string) =>
	Object.fromEntries(
		(JSON.parse(stdout) as { recipient: string; outcome: string }[]).map((entry) => [
			entry.recipient,
			entry.outcome
		])
	);

describe('engine run --database-url', { timeout: 90_000 }, () => {
	let url: string;
	let store: Store;

	beforeAll(async () => {
		url = await createDatabase(inject('postgresUrl'));
		store = await storeOn(await openPostgres(url));
	});

	afterAll(() => store?.close());

	it("honours the server's unsubscribes, sends as its sender into its Mailbox, and saves the run there", async () => {
		await store.unsubscribes.add(BO);
		const identity = {
			...EMPTY_SENDER,
			from_name: 'Acme Customer Success',
			from_address: 'cs@acme-vendor.example',
			postal_address: 'Acme Vendor Inc. · 1 Main Street'
		};
		await store.sender.save(identity);
		const data = join(folder, 'database-data');

		const first = await run(data, '--database-url', url);
		expect(first.code, first.stderr).toBe(0);
		expect(first.stderr).toContain("into the server's Mailbox");
		expect(first.stderr).not.toMatch(/From address is not set|postal address .* not set/);
		expect(outcomes(first.stdout)).toEqual({
			'ana@acme.example': 'sent',
			'bo@globex.example': 'suppressed'
		});
		const messages = await store.mailbox.list();
		expect(messages).toMatchObject([
			{ to: 'ana@acme.example', from: '"Acme Customer Success" <cs@acme-vendor.example>' }
		]);
		const stored = await store.mailbox.get(messages[0]!.id);
		expect(stored?.text).toContain('Acme Vendor Inc. · 1 Main Street');
		// Nothing of the server's went into files of the data folder (its signing keys are there).
		expect(await readdir(data)).toEqual(['unsubscribe-keys.json']);

		// Its run is the server's too: the app brings it in, the server's next run plans with it.
		const [saved] = await store.runs.after(null);
		expect(saved).toMatchObject({ trigger: 'cli', as_of: '2026-03-01', counts: { sent: 1 } });
		expect(saved!.entries.map((entry) => entry.entry.key)).toEqual(
			(JSON.parse(first.stdout) as { key: string }[]).map((entry) => entry.key)
		);
		expect(
			(await store.runs.history())
				.filter((entry) => entry.status === 'sent')
				.map((e) => e.recipient)
		).toEqual(['ana@acme.example']);

		const second = await run(data, '--database-url', url);
		expect(outcomes(second.stdout)).toMatchObject({ 'ana@acme.example': 'already_sent' });
		expect(await store.mailbox.list()).toHaveLength(1);
		expect((await store.runs.after(saved!.id)).map((each) => each.trigger)).toEqual(['cli']);
	});
});

describe('engine run --ledger FILE', { timeout: 90_000 }, () => {
	it("applies the data folder's unsubscribe file, as before the server's database", async () => {
		const data = join(folder, 'file-data');
		const list = UnsubscribeList.open(join(data, 'unsubscribes.jsonl'));
		list.add(BO);
		list.close();
		const result = await run(data, '--ledger', join(folder, 'file.jsonl'));
		expect(result.code, result.stderr).toBe(0);
		expect(outcomes(result.stdout)).toEqual({
			'ana@acme.example': 'sent',
			'bo@globex.example': 'suppressed'
		});
		expect(result.stderr).toContain(`into ${join(data, 'mailbox')}`);
	});

	it("refuses a server's data folder, whose unsubscribe list only its database holds", async () => {
		for (const [name, made] of [
			['pglite-data', 'store'],
			['moved-data', 'unsubscribes.jsonl.imported']
		] as const) {
			const data = join(folder, name);
			await mkdir(data, { recursive: true });
			if (made === 'store') await mkdir(join(data, made));
			else await writeFile(join(data, made), `${JSON.stringify(BO)}\n`);
			const ledger = join(folder, `${name}.jsonl`);
			const refused = await run(data, '--ledger', ledger);
			expect(refused.code).toBe(1);
			expect(refused.stderr).toContain(
				`${data} is the data folder of an app server, whose unsubscribe list is in its database (${join(data, made)}): give --database-url`
			);
			expect(refused.stdout).toBe('');
			expect(await readdir(folder)).not.toContain(`${name}.jsonl`);
		}
	});
});
