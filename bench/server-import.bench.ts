/**
 * `npm run bench:server-import [-- --rows 100000 --accounts 2000 --database-url URL]`: a CSV file
 * of snapshot rows imported on the server, and another browser receiving it. The sample's accounts
 * (and the rest of the sample but its history) are written to the server's store first (PGlite in
 * memory, or the empty PostgreSQL database at URL); the file is the sample's weekly snapshots of
 * those accounts, written as a wide export would, and is imported through the function
 * `POST /api/import/snapshots` calls, the body streamed as a request's would be. A replica that
 * loaded the workspace before (the real sync client on fake-indexeddb, `./in-process.ts`) is then
 * told of the revision, as the event stream tells every browser, and pulls it. Prints the server's import, the same file imported again (nothing changes), the
 * replica's receipt of the rows, and the process's memory. Figures only: nothing is asserted.
 */
import { parseArgs } from 'node:util';
import { readMeta } from '../src/lib/db/meta';
import { generateSample, SAMPLE_END } from '../src/lib/engine/sample';
import { inspectCsv } from '../src/lib/import/pipeline';
import { importCsv } from '../src/lib/server/sync/csv-import';
import { benchReplica, benchServer, InProcessTransport, megabytes, seconds } from './in-process';

const { values } = parseArgs({
	options: {
		rows: { type: 'string', default: '100000' },
		accounts: { type: 'string', default: '2000' },
		'database-url': { type: 'string' }
	}
});
const rows = Number(values.rows);
const accounts = Number(values.accounts);

const { database, store, owner } = await benchServer(values['database-url']);
console.log(`server store: ${database.kind === 'pglite' ? 'PGlite in memory' : 'PostgreSQL'}`);

// Enough weeks for `rows` snapshots: accounts that start late have fewer.
const weeks = Math.ceil((rows / accounts) * 1.2);
const sample = generateSample({ accounts, weeks, end: SAMPLE_END });
const snapshots = sample.snapshots.slice(0, rows);
await store.published.replace({ ...sample, snapshots: [] }, owner.actor);

const metrics = [...new Set(snapshots.flatMap((snapshot) => Object.keys(snapshot.metrics)))];
const cell = (value: unknown) => (value === null || value === undefined ? '' : String(value));
const csv = `${[
	['account_id', 'date', ...metrics].join(','),
	...snapshots.map((snapshot) =>
		[
			snapshot.account_id,
			snapshot.date,
			...metrics.map((name) => cell(snapshot.metrics[name]))
		].join(',')
	)
].join('\n')}\n`;
const file = new Blob([csv]);
const inspected = await inspectCsv(file, 'snapshots');
if (!inspected.ok) throw new Error(`the generated file cannot be read: ${inspected.problem}`);
const { mapping, format } = inspected.value;
console.log(
	`file: ${snapshots.length.toLocaleString('en-US')} snapshot rows of ${sample.accounts.length.toLocaleString('en-US')} accounts, ${metrics.length} metrics each, ${(file.size / 1e6).toFixed(1)} MB`
);

// Another person's browser, holding the workspace from before the import.
const other = await benchReplica('other', store, owner);

/** Imports the file as a request streams it; returns the answer and the time it took. */
async function importFile() {
	const started = performance.now();
	const result = await importCsv(
		store.published.records,
		{
			kind: 'snapshots',
			body: new Response(file).body!,
			mapping,
			format,
			totalBytes: file.size
		},
		owner
	);
	if (!result.ok) throw new Error(`${result.problem}: ${result.error}`);
	return { answer: result.answer, ms: performance.now() - started };
}

const { answer, ms } = await importFile();
const counts = answer.summary.snapshots;
console.log(
	`server: import (read, check every row, merge, write in one commit): ${seconds(ms)} (${counts.added.toLocaleString('en-US')} added, ${counts.updated} updated, ${answer.check.invalidRows} rows refused)`
);
const afterImport = process.memoryUsage();

// The revision announced, as the event stream does after the route's commit; the replica pulls it.
const received = performance.now();
InProcessTransport.announce(answer.revision);
while (((await readMeta(other.db, 'syncRevision')) ?? 0) < answer.revision)
	await new Promise((resolve) => setTimeout(resolve, 5));
console.log(
	`another browser's replica: received the ${(await other.db.snapshots.count()).toLocaleString('en-US')} snapshots: ${seconds(performance.now() - received)} (from the announcement to holding the revision)`
);

const again = await importFile();
console.log(
	`server: the same file again: ${seconds(again.ms)} (${again.answer.summary.snapshots.unchanged.toLocaleString('en-US')} unchanged, revision ${again.answer.revision === answer.revision ? 'unchanged' : 'new'})`
);

other.loop.stop();
const memory = process.memoryUsage();
console.log(
	`process memory: after the import rss ${megabytes(afterImport.rss)}, heap ${megabytes(afterImport.heapUsed)}; at the end (server and a replica in fake-indexeddb) rss ${megabytes(memory.rss)}, heap ${megabytes(memory.heapUsed)}`
);
await database.close();
