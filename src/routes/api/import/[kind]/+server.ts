/**
 * A CSV file imported on the server (`$lib/import/upload.ts` says the request and the answer): the
 * body, or the form's file part (`$lib/server/sync/import-form.ts`), read as it arrives, checked against the accounts the server holds, the valid rows written
 * in one commit (`$lib/server/sync/csv-import.ts`), announced to every browser's replica.
 */
import { json, type RequestHandler } from '@sveltejs/kit';
import { IMPORT_MAX_BYTES, parseImportQuery } from '$lib/import/upload';
import { actorOf, signedIn } from '$lib/server/auth/caller';
import { mailServer } from '$lib/server/mail/server';
import { serverToday } from '$lib/server/mail/service';
import { importCsv, type ImportProblem } from '$lib/server/sync/csv-import';
import { isForm, readImportForm } from '$lib/server/sync/import-form';

const STATUS: Readonly<Record<ImportProblem, number>> = {
	role: 403,
	mapping: 422,
	file: 422,
	too_large: 413,
	accounts_changed: 409
};

export const POST: RequestHandler = async (event) => {
	const server = await mailServer();
	const caller = signedIn(event);
	let fields = event.url.searchParams;
	let body: ReadableStream<Uint8Array> | null = event.request.body;
	if (isForm(event.request)) {
		const form = await readImportForm(event.request);
		if (!form.ok) return json({ error: form.error }, { status: 400 });
		({ fields, file: body } = form);
	}
	const query = parseImportQuery(event.params.kind ?? '', fields);
	if (!query.ok) return json({ error: query.error }, { status: 400 });
	if (!body) return json({ error: 'expected the CSV file as the request body' }, { status: 400 });
	const length = Number(event.request.headers.get('content-length') ?? 0);
	const actor = actorOf(caller);
	const result = await importCsv(
		server.store.published.records,
		{
			...query,
			body,
			totalBytes: Number.isSafeInteger(length) && length > 0 ? length : undefined,
			latestDate: serverToday()
		},
		{ actor, role: caller.role },
		{ maxBytes: IMPORT_MAX_BYTES }
	);
	if (!result.ok) return json({ error: result.error }, { status: STATUS[result.problem] });
	const { answer } = result;
	const counts = answer.summary[query.kind];
	if (counts.added + counts.updated > 0) {
		server.store.feed.announce(answer.revision);
		await server.store.audit.record(actor, 'import.csv', query.kind, {
			revision: answer.revision,
			...counts,
			rows: answer.check.rows,
			refused: answer.check.invalidRows
		});
	}
	return json(answer);
};
