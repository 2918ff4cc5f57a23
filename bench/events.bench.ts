/**
 * `npm run bench:events [-- --events 1000000 --batch 500 --senders 4 --database-url URL]`: product
 * events sent through `POST /api/v1/batch` of the app as `npm start` runs it (built first unless
 * SKIP_BUILD=1), on a fresh data folder (PGlite) or the empty PostgreSQL database at URL. The owner
 * is set up and creates a source; `senders` clients then post batches of track events (a year of
 * 20 features used by 20 people in each of 2,000 accounts) one after another, as a Segment
 * destination would, each waiting for its answer. Prints the events stored per second, and the
 * server's memory. Every batch must be answered 200 with all its events stored: the figures of a
 * run that lost events would mean nothing, so it stops there. Then the daily rollup: the accounts'
 * group calls and the people's identify calls are sent, the 20 features mapped in the catalogue,
 * and the last day of the year rolled up (`POST /api/usage/rollup`), then the week before it; the
 * time of each is printed.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { setUpOwner, startAppServer } from '../tests/e2e/global-setup';

const { values } = parseArgs({
	options: {
		events: { type: 'string', default: '1000000' },
		batch: { type: 'string', default: '500' },
		senders: { type: 'string', default: '4' },
		'database-url': { type: 'string' }
	}
});
const total = Number(values.events);
const batchSize = Number(values.batch);
const senders = Number(values.senders);

function build(): Promise<void> {
	return new Promise((resolve, reject) => {
		const child = spawn('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
		child.on('error', reject);
		child.on('exit', (code) =>
			code === 0 ? resolve() : reject(new Error(`build exited with ${code}`))
		);
	});
}

const FEATURES = Array.from(
	{ length: 20 },
	(_, i) => `Feature ${String.fromCharCode(65 + i)} Used`
);
const YEAR_MS = 365 * 86_400_000;
const START = Date.parse('2025-12-01T00:00:00.000Z');

/** Event `i`, the same on every run: who, which account, which feature, when. */
function eventOf(i: number) {
	const account = i % 2_000;
	const person = Math.floor(i / 2_000) % 20;
	return {
		type: 'track',
		messageId: `bench-${i}`,
		userId: `acc-${account}-user-${person}`,
		event: FEATURES[(i * 7) % FEATURES.length],
		properties: { duration_s: (i % 300) + 1 },
		context: { groupId: `acc-${account}` },
		// Spread over the year (a large odd step modulo its milliseconds), so its last month is as busy
		// as any: the rollup of its last day reads a month's use.
		timestamp: new Date(START + ((i * 316_749_081) % YEAR_MS)).toISOString()
	};
}

if (!process.env.SKIP_BUILD) await build();
// The per-source rate (20,000 a second by default) raised, so what shows is the server's own speed.
const server = await startAppServer({
	EVENTS_PER_SECOND: '1000000',
	...(values['database-url'] ? { DATABASE_URL: values['database-url'] } : {})
});
try {
	const base = server.baseURL;
	const cookie = await setUpOwner(base);
	const created = await fetch(`${base}/api/event-sources`, {
		method: 'POST',
		headers: {
			cookie: `${cookie.name}=${encodeURIComponent(cookie.value)}`,
			origin: base,
			'content-type': 'application/json'
		},
		body: JSON.stringify({ name: 'Benchmark' })
	});
	if (created.status !== 201)
		throw new Error(`no source: ${created.status} ${await created.text()}`);
	const { write_key } = (await created.json()) as { write_key: string };
	const authorization = `Basic ${Buffer.from(`${write_key}:`).toString('base64')}`;
	console.log(
		`server: ${values['database-url'] ? 'PostgreSQL' : 'PGlite (the embedded default)'}; ${total.toLocaleString('en-US')} events in batches of ${batchSize} from ${senders} senders`
	);

	let next = 0;
	let stored = 0;
	let bytes = 0;
	const started = performance.now();
	async function sender(): Promise<void> {
		while (next < total) {
			const from = next;
			next = Math.min(total, next + batchSize);
			const batch = [];
			for (let i = from; i < next; i++) batch.push(eventOf(i));
			const body = JSON.stringify({ batch, sentAt: new Date().toISOString() });
			bytes += body.length;
			const response = await fetch(`${base}/api/v1/batch`, {
				method: 'POST',
				headers: { authorization, 'content-type': 'application/json' },
				body
			});
			const answer = (await response.json()) as { stored?: number; error?: string };
			if (response.status !== 200 || answer.stored !== batch.length)
				throw new Error(`batch from event ${from}: ${response.status} ${JSON.stringify(answer)}`);
			stored += answer.stored;
		}
	}
	await Promise.all(Array.from({ length: senders }, () => sender()));
	const seconds = (performance.now() - started) / 1000;
	console.log(
		`stored ${stored.toLocaleString('en-US')} events (${(bytes / 1e6).toFixed(0)} MB of JSON) in ${seconds.toFixed(1)} s: ${Math.round(stored / seconds).toLocaleString('en-US')} events a second`
	);

	// Who the people and the accounts are, then the catalogue: what a rollup needs to write.
	const asOwner = {
		cookie: `${cookie.name}=${encodeURIComponent(cookie.value)}`,
		origin: base,
		'content-type': 'application/json'
	};
	const said = [];
	for (let account = 0; account < 2_000; account++) {
		said.push({
			type: 'group',
			messageId: `bench-group-${account}`,
			userId: `acc-${account}-user-0`,
			groupId: `acc-${account}`,
			traits: { name: `Account ${account}`, segment: 'scale', seats: 25 },
			timestamp: new Date(START).toISOString()
		});
		for (let person = 0; person < 20; person++)
			said.push({
				type: 'identify',
				messageId: `bench-identify-${account}-${person}`,
				userId: `acc-${account}-user-${person}`,
				traits: { email: `user-${person}@acc-${account}.example` },
				timestamp: new Date(START).toISOString()
			});
	}
	for (let from = 0; from < said.length; from += batchSize) {
		const response = await fetch(`${base}/api/v1/batch`, {
			method: 'POST',
			headers: { authorization, 'content-type': 'application/json' },
			body: JSON.stringify({ batch: said.slice(from, from + batchSize) })
		});
		if (response.status !== 200) throw new Error(`identify/group: ${response.status}`);
	}
	for (const [i, name] of FEATURES.entries()) {
		const feature = `feature_${i}`;
		const made = await fetch(`${base}/api/catalogue/features`, {
			method: 'POST',
			headers: asOwner,
			body: JSON.stringify({ id: feature, name, advanced: i < 3, integration: i === 19 })
		});
		const rule = await fetch(`${base}/api/catalogue/rules`, {
			method: 'POST',
			headers: asOwner,
			body: JSON.stringify({ event: name, feature_id: feature, completion: i === 5 })
		});
		if (made.status !== 201 || rule.status !== 201) throw new Error('the catalogue was refused');
	}
	const catalogueStarted = performance.now();
	const page = await fetch(`${base}/api/catalogue`, { headers: asOwner });
	if (page.status !== 200) throw new Error(`catalogue: ${page.status}`);
	const seen = ((await page.json()) as { events: unknown[] }).events.length;
	console.log(
		`the Product usage page's catalogue (${seen} events seen, counted over all stored): ${((performance.now() - catalogueStarted) / 1000).toFixed(1)} s`
	);
	const LAST_DAY = new Date(START + YEAR_MS - 86_400_000).toISOString().slice(0, 10);
	const WEEK_BEFORE = new Date(START + YEAR_MS - 8 * 86_400_000).toISOString().slice(0, 10);
	const DAY_BEFORE = new Date(START + YEAR_MS - 2 * 86_400_000).toISOString().slice(0, 10);
	for (const [label, from, to] of [
		['the last day', LAST_DAY, LAST_DAY],
		['the 7 days before it', WEEK_BEFORE, DAY_BEFORE]
	] as const) {
		const rollupStarted = performance.now();
		const rolled = await fetch(`${base}/api/usage/rollup`, {
			method: 'POST',
			headers: asOwner,
			body: JSON.stringify({ from, to })
		});
		const answer = (await rolled.json()) as { days?: string[]; accounts?: number; people?: number };
		if (rolled.status !== 200)
			throw new Error(`rollup: ${rolled.status} ${JSON.stringify(answer)}`);
		const rollupSeconds = (performance.now() - rollupStarted) / 1000;
		console.log(
			`rollup of ${label} (${answer.days!.length} day${answer.days!.length > 1 ? 's' : ''}): ${rollupSeconds.toFixed(1)} s, ${(rollupSeconds / answer.days!.length).toFixed(1)} s a day; ${answer.accounts!.toLocaleString('en-US')} accounts' snapshots, ${answer.people!.toLocaleString('en-US')} contacts on the latest day`
		);
	}

	const status = readFileSync(`/proc/${server.pid}/status`, 'utf8');
	const rss = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
	if (rss) console.log(`server's peak memory: ${Math.round(Number(rss) / 1024)} MB`);
} finally {
	await server.stop();
}
