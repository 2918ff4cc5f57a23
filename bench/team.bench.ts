/**
 * `npm run bench:team [-- --accounts 20000 --weeks 50]`: the team workspace at scale, the server
 * and two replicas in one process (`./in-process.ts`: PGlite in memory, the real sync client on
 * fake-indexeddb, every request and answer through JSON). Prints the server's write of the
 * workspace, a new replica's first load, a change pushed by one replica reaching the other, and
 * the process's memory.
 */
import { parseArgs } from 'node:util';
import { generateSample, SAMPLE_END } from '../src/lib/engine/sample';
import { benchReplica, benchServer, megabytes, seconds } from './in-process';

const { values } = parseArgs({
	options: {
		accounts: { type: 'string', default: '2000' },
		weeks: { type: 'string', default: '52' }
	}
});
const accounts = Number(values.accounts);
const weeks = Number(values.weeks);

const { database, store, owner: pusher } = await benchServer();

const workspace = generateSample({ accounts, weeks, end: SAMPLE_END });
const records =
	workspace.accounts.length +
	workspace.contacts.length +
	workspace.snapshots.length +
	workspace.outcomes.length;
console.log(
	`workspace: ${accounts.toLocaleString('en-US')} accounts × ${weeks} weeks: ${workspace.snapshots.length.toLocaleString('en-US')} snapshots, ${records.toLocaleString('en-US')} records in all`
);

let started = performance.now();
await store.published.replace(workspace, pusher.actor);
console.log(`server: write the workspace: ${seconds(performance.now() - started)}`);
started = performance.now();
await store.published.current();
const server = process.memoryUsage();
console.log(
	`server: read it for its plan: ${seconds(performance.now() - started)}; memory then: rss ${megabytes(server.rss)}, heap ${megabytes(server.heapUsed)}`
);

const first = await benchReplica('first', store, pusher);
console.log(
	`new replica: first load of ${(await first.db.snapshots.count()).toLocaleString('en-US')} snapshots: ${seconds(first.loadMs)}`
);
const second = await benchReplica('second', store, pusher);
console.log(`a second new replica: first load: ${seconds(second.loadMs)}`);

// One change in the first replica reaching the second: pushed at once, announced, pulled.
const account = workspace.accounts[0]!;
const arrived = new Promise<number>((resolve) => {
	const poll = setInterval(async () => {
		if ((await second.db.accounts.get(account.id))?.csm === 'new-csm@bench.example') {
			clearInterval(poll);
			resolve(performance.now());
		}
	}, 5);
});
started = performance.now();
await first.db.accounts.put({ ...account, csm: 'new-csm@bench.example' });
console.log(`a change reaching another replica: ${seconds((await arrived) - started)}`);

first.loop.stop();
second.loop.stop();
const memory = process.memoryUsage();
console.log(
	`process memory (server, two replicas in fake-indexeddb): rss ${megabytes(memory.rss)}, heap ${megabytes(memory.heapUsed)}`
);
await database.close();
