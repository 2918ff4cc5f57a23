/**
 * POST /api/tickets/import[?source=<source id>]: a CSV file of support tickets as the body
 * (`text/csv`), read as it arrives (`$lib/server/tickets/csv.ts`), its valid rows stored in one
 * statement under the source (`$lib/server/tickets/uploads.ts`), the rows with a problem left out
 * and listed. Answers a `TicketImportAnswer`, or `{error}` with 400 (a bad source), 403 (a role
 * that may not import), 413 (too large) or 422 (a file or heading it cannot use).
 */
import { json, type RequestHandler } from '@sveltejs/kit';
import { ANONYMOUS, ROUTES } from '$lib/server/auth/access';
import { actorOf, signedIn } from '$lib/server/auth/caller';
import { mailServer } from '$lib/server/mail/server';
import { readTicketsCsv, TICKET_IMPORT_MAX_BYTES } from '$lib/server/tickets/csv';
import type { TicketImportAnswer } from '$lib/server/tickets/types';
import { uploadSource } from '$lib/server/events/upload-source';

const refuse = (status: number, error: string) =>
	json({ error }, { status, headers: { 'cache-control': 'no-store' } });

export const POST: RequestHandler = async (event) => {
	const caller = signedIn(event);
	// The hook checked the route's roles; a handler reached another way checks them again.
	const roles = ROUTES['POST /api/tickets/import'];
	if (roles !== ANONYMOUS && !roles?.includes(caller.role))
		return refuse(403, `your role (${caller.role}) may not import tickets`);
	const server = await mailServer();
	const actor = actorOf(caller);
	const source = await uploadSource(
		server.store.eventSources,
		event.url.searchParams.get('source'),
		actor,
		'tickets'
	);
	if (!source.ok) return refuse(400, source.error);
	if (!event.request.body) return refuse(400, 'expected the CSV file as the request body');
	const length = Number(event.request.headers.get('content-length') ?? 0);
	const file = await readTicketsCsv(event.request.body, {
		maxBytes: TICKET_IMPORT_MAX_BYTES,
		totalBytes: Number.isSafeInteger(length) && length > 0 ? length : undefined
	});
	if (!file.ok) return refuse(file.problem === 'too_large' ? 413 : 422, file.error);
	const counts = await server.store.tickets.upsert(source.source.id, file.tickets);
	const answer: TicketImportAnswer = {
		source_id: source.source.id,
		rows: file.rows,
		...counts,
		refused: file.refused,
		errors: file.errors,
		ignored_columns: file.ignoredColumns
	};
	if (counts.added + counts.updated > 0)
		await server.store.audit.record(actor, 'tickets.import', source.source.id, {
			source: source.source.name,
			rows: file.rows,
			added: counts.added,
			updated: counts.updated,
			refused: file.refused
		});
	return json(answer, { headers: { 'cache-control': 'no-store' } });
};
