// @vitest-environment node
/**
 * A data folder from before the database moves in (`./import.ts`), on both databases
 * (`./fixture.ts`): each kind of file read back through the store's owners, renamed, never
 * imported twice; a damaged file named and left in place.
 */
import {
	cpSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	renameSync,
	rmSync,
	writeFileSync
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleWorkspace } from '../../../../tests/support/workspace';
import { EMPTY_SENDER } from '../../mail/sender';
import { MailSink, type StoredMessage } from '../mail/mailbox';
import { UnsubscribeList, type Unsubscribe } from '../mail/unsubscribe';
import { MEMORY_URL } from './database';
import { describeStore, ledgerFile, message, runReport, tempFolder } from './fixture';
import { DataFolderError, importDataFolder } from './import';
import { openStore } from './store';

const UNSUBSCRIBES: Unsubscribe[] = [
	{
		contact_id: 'c1',
		account_id: 'acme',
		email: 'Ana@Acme.example',
		at: '2026-02-20T09:00:00.000Z',
		via: 'link'
	},
	{
		contact_id: 'c2',
		account_id: 'globex',
		email: 'bo@globex.example',
		at: '2026-02-21T10:00:00.000Z',
		via: 'one-click'
	}
];
const IDENTITY = {
	...EMPTY_SENDER,
	from_address: 'cs@acme-vendor.example',
	postal_address: '1 Main Street'
};
const KINDS = ['mailbox', 'runs', 'sender.json', 'unsubscribes.jsonl'];

/** A data folder as the server left it before its database: its mailbox, runs, unsubscribes and sender. */
function olderFolder() {
	const folder = tempFolder();
	const sink = new MailSink(join(folder, 'mailbox'));
	const messages = [
		sink.store('Subject: a\r\n\r\nA', message('ana@acme.example', 'a')),
		sink.store('Subject: b\r\n\r\nB', {
			...message('bo@globex.example', 'b'),
			public_url: 'https://app.example'
		})
	];
	mkdirSync(join(folder, 'runs'));
	const runs = ['2026-03-01T07:00:00.000Z', '2026-03-02T07:00:00.000Z'].map((at, i) => ({
		id: `${at.replace(/[:.]/g, '-')}-${i ? 'settings' : 'schedule'}`,
		trigger: i ? 'settings' : 'schedule',
		...runReport(at)
	}));
	for (const run of runs)
		writeFileSync(join(folder, 'runs', `${run.id}.json`), JSON.stringify(run));
	const list = UnsubscribeList.open(join(folder, 'unsubscribes.jsonl'));
	for (const entry of UNSUBSCRIBES) list.add(entry);
	list.close();
	writeFileSync(join(folder, 'sender.json'), JSON.stringify(IDENTITY));
	return { folder, messages, runs };
}

const summaryOf = ({ id, key, date, from, to, subject, test }: StoredMessage) => ({
	id,
	key,
	date,
	from,
	to,
	subject,
	test
});

describeStore(({ fresh }) => {
	describe('importDataFolder', () => {
		it("imports an older data folder's ledger and workspace once, renaming them", async () => {
			const store = await fresh();
			const folder = tempFolder();
			const file = await ledgerFile(join(folder, 'ledger.jsonl'), ['k1', 'k2']);
			const records = file.entries();
			file.close();
			const text = JSON.stringify(exampleWorkspace());
			writeFileSync(join(folder, 'workspace.json'), text);

			await importDataFolder(store, folder);
			for (const record of records) expect(await store.ledger.get(record.key)).toEqual(record);
			expect(await store.published.current()).toMatchObject({
				workspace: exampleWorkspace(),
				published_by: 'system'
			});
			expect(readdirSync(folder).sort()).toEqual([
				'ledger.jsonl.imported',
				'workspace.json.imported'
			]);
			expect(await store.audit.list()).toMatchObject([
				{ action: 'import.workspace', actor_email: 'system' },
				{ action: 'import.ledger', detail: { records: 2, imported: 2 } }
			]);

			await importDataFolder(store, folder);
			expect(await store.audit.list()).toHaveLength(2);
			// The ledger file put back (a restored backup): its records are in already.
			renameSync(join(folder, 'ledger.jsonl.imported'), join(folder, 'ledger.jsonl'));
			await importDataFolder(store, folder);
			expect((await store.audit.list({ limit: 1 }))[0]).toMatchObject({
				action: 'import.ledger',
				detail: { records: 2, imported: 0 }
			});
			expect(await store.ledger.list()).toHaveLength(2);
		});

		it("imports an older folder's mailbox, runs, unsubscribes and sender once, renaming them", async () => {
			const store = await fresh();
			const { folder, messages, runs } = olderFolder();

			await importDataFolder(store, folder);
			expect(await store.mailbox.list()).toEqual([...messages].reverse().map(summaryOf));
			expect(await store.mailbox.get(messages[1]!.id)).toEqual({
				...messages[1],
				raw: 'Subject: b\r\n\r\nB'
			});
			expect(await store.runs.after(null)).toEqual(runs);
			expect(await store.unsubscribes.all()).toEqual(UNSUBSCRIBES);
			expect(await store.sender.current()).toEqual(IDENTITY);
			expect(readdirSync(folder).sort()).toEqual(KINDS.map((name) => `${name}.imported`));
			expect((await store.audit.list()).map((entry) => [entry.action, entry.detail])).toEqual([
				['import.sender', { imported: true }],
				['import.mailbox', { messages: 2, imported: 2, damaged: 0 }],
				['import.runs', { runs: 2, imported: 2 }],
				['import.unsubscribes', { entries: 2, imported: 2 }]
			]);

			// Started again: nothing left to import.
			await importDataFolder(store, folder);
			expect(await store.audit.list()).toHaveLength(4);

			// The files put back (a restored backup) once the owner saved another sender: nothing
			// doubles, the saved sender stays, and the first copies keep their names.
			await store.sender.save({ postal_address: 'saved on the Settings page' });
			for (const name of KINDS)
				cpSync(join(folder, `${name}.imported`), join(folder, name), { recursive: true });
			await importDataFolder(store, folder);
			expect(await store.mailbox.list()).toHaveLength(2);
			expect(await store.runs.after(null)).toEqual(runs);
			expect(await store.unsubscribes.all()).toEqual(UNSUBSCRIBES);
			expect(await store.sender.current()).toMatchObject({
				postal_address: 'saved on the Settings page'
			});
			expect(readdirSync(folder).sort()).toEqual(
				KINDS.flatMap((name) => [`${name}.imported`, `${name}.imported-2`])
			);
		});

		it('names a damaged file and leaves it; only what sending depends on stops the start', async () => {
			const store = await fresh();
			const { folder, messages, runs } = olderFolder();
			const listFile = join(folder, 'unsubscribes.jsonl');
			const lines = readFileSync(listFile, 'utf8');
			const badRun = join(folder, 'runs', '2026-03-03T07-00-00-000Z-cli.json');
			const badMessage = join(folder, 'mailbox', 'zzzzzzzzz-00000000');
			// The list's first line cut short, a run half written, a message without its fields, a
			// sender identity that is no JSON.
			writeFileSync(listFile, lines.slice(20));
			writeFileSync(badRun, '{"id": "2026-03-03T07-00-00-000Z-cli", "trig');
			writeFileSync(`${badMessage}.json`, '{}');
			writeFileSync(`${badMessage}.eml`, 'Subject: c');
			writeFileSync(join(folder, 'sender.json'), '{ from_address');

			const refused = importDataFolder(store, folder);
			await expect(refused).rejects.toThrow(DataFolderError);
			await expect(refused).rejects.toThrow(`${listFile}, line 1: not a valid record`);
			await expect(refused).rejects.toThrow(`${badRun}: not a run`);
			// The list and the runs are all or nothing; the readable messages came in.
			expect(await store.unsubscribes.all()).toEqual([]);
			expect(await store.runs.after(null)).toEqual([]);
			expect(await store.mailbox.list()).toEqual([...messages].reverse().map(summaryOf));
			expect(await store.sender.current()).toEqual(EMPTY_SENDER);
			expect(readdirSync(folder).sort()).toEqual(KINDS);
			expect(
				(await store.audit.list({ action: 'import.damaged' })).map((entry) => entry.subject)
			).toEqual([join(folder, 'sender.json'), `${badMessage}.eml`, `${badMessage}.json`]);
			// The server opening its store on this folder refuses to start, saying why.
			await expect(openStore({ url: MEMORY_URL, dataDir: folder })).rejects.toThrow(
				/the data folder holds files the server cannot read and does not start without/
			);

			// Repaired (the run and the message removed), the next start brings the rest in.
			writeFileSync(listFile, lines);
			rmSync(badRun);
			rmSync(`${badMessage}.json`);
			rmSync(`${badMessage}.eml`);
			writeFileSync(join(folder, 'sender.json'), JSON.stringify(IDENTITY));
			await importDataFolder(store, folder);
			expect(await store.unsubscribes.all()).toEqual(UNSUBSCRIBES);
			expect(await store.runs.after(null)).toEqual(runs);
			expect(await store.mailbox.list()).toHaveLength(2);
			expect(await store.sender.current()).toEqual(IDENTITY);
			expect(readdirSync(folder).sort()).toEqual(KINDS.map((name) => `${name}.imported`));
		});
	});
});
