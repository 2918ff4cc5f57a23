/**
 * `npm run bench:store`: the store's heavy writes on fake-indexeddb (real IndexedDB in Chromium is
 * the figure users see: `bench/import.bench.ts` measures the CSV import there). Prints the time to
 * load the default sample, to refresh the score caches, and to import 100,000 snapshot rows.
 */
import { generateSample, SAMPLE_END } from '../src/lib/engine/sample';
import { importRecords, refreshScores, replaceWorkspace } from '../src/lib/db';
import { testDatabase } from '../src/lib/db/testing';
import type { Snapshot } from '../src/lib/engine';

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const db = testDatabase('bench');
const sample = generateSample({ end: SAMPLE_END });

let started = performance.now();
await replaceWorkspace(db, sample);
console.log(
	`load the default sample (${sample.snapshots.length.toLocaleString('en-US')} snapshots): ${seconds(performance.now() - started)}`
);

const computed = await refreshScores(db, SAMPLE_END);
console.log('refresh the score caches:', computed);
console.log('refresh again with nothing changed:', await refreshScores(db, SAMPLE_END));

// 100,000 rows: 50 new weeks for each of the 2,000 accounts, after the sample's last date.
const rows: Snapshot[] = [];
for (const account of sample.accounts) {
	for (let week = 1; week <= 50; week++) {
		const date = new Date(Date.parse(`${SAMPLE_END}T00:00:00Z`) + week * 7 * 86_400_000)
			.toISOString()
			.slice(0, 10);
		rows.push({
			account_id: account.id,
			date,
			metrics: { seats_active: week, active_days_30d: week % 30 }
		});
	}
}
started = performance.now();
const summary = await importRecords(db, { snapshots: rows });
console.log(
	`import ${rows.length.toLocaleString('en-US')} snapshot rows in one transaction: ${seconds(performance.now() - started)}`,
	summary.snapshots
);
