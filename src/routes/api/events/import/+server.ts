/**
 * POST /api/events/import[?source={id}]: a CSV file of past product events, one row per event
 * (`$lib/server/events/csv-events.ts`), stored for the source (`$lib/server/events/upload-source.ts`:
 * the one named, else "Event uploads") in one transaction (all the valid
 * rows or none); the rows that are not events are answered and left out. Owner, leader, ops.
 * Answers `{source_id, rows, stored, duplicates, refused, errors, from, to}`: `from`/`to` the days the events cover,
 * to roll up (`POST /api/usage/rollup`).
 */
import { json, type RequestHandler } from '@sveltejs/kit';
import { actorOf, signedIn } from '$lib/server/auth/caller';
import { eventsFromCsv } from '$lib/server/events/csv-events';
import { uploadSource } from '$lib/server/events/upload-source';
import { mailServer } from '$lib/server/mail/server';
import type { EventImportAnswer } from '$lib/server/events/types';

const MAX_BYTES = 256 << 20;
const ERRORS_LISTED = 100;
/** Events per statement: a file's hundreds of thousands never make one giant JSON parameter. */
const CHUNK = 5000;

export const POST: RequestHandler = async (event) => {
	const caller = signedIn(event);
	const { store } = await mailServer();
	const actor = actorOf(caller);
	const found = await uploadSource(
		store.eventSources,
		event.url.searchParams.get('source'),
		actor,
		'events'
	);
	if (!found.ok) return json({ error: found.error }, { status: 400 });
	const { source } = found;
	const length = Number(event.request.headers.get('content-length') ?? 0);
	if (length > MAX_BYTES || !event.request.body)
		return json(
			{ error: length > MAX_BYTES ? 'the file is larger than 256 MB: split it' : 'no file sent' },
			{ status: 400 }
		);
	const read = await eventsFromCsv(event.request.body, length || undefined);
	if (!read.ok) return json({ error: read.error }, { status: 400 });
	const stored = await store.database.transaction(async (tx) => {
		let count = 0;
		for (let start = 0; start < read.events.length; start += CHUNK)
			count += await store.productEvents.store(
				source.id,
				read.events.slice(start, start + CHUNK),
				tx
			);
		return count;
	});
	let first: string | null = null;
	let last: string | null = null;
	for (const { timestamp } of read.events) {
		if (first === null || timestamp < first) first = timestamp;
		if (last === null || timestamp > last) last = timestamp;
	}
	const answer: EventImportAnswer = {
		source_id: source.id,
		rows: read.rows,
		stored,
		duplicates: read.events.length - stored,
		refused: read.errors.length,
		errors: read.errors.slice(0, ERRORS_LISTED),
		from: first?.slice(0, 10) ?? null,
		to: last?.slice(0, 10) ?? null
	};
	await store.audit.record(actor, 'events.import', source.id, {
		rows: answer.rows,
		stored,
		errors: read.errors.length
	});
	return json(answer);
};
