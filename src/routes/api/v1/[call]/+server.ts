/**
 * POST /api/v1/{identify|group|track|page|screen|batch}: product events as Segment's HTTP tracking
 * API takes them, from a source's write key (`$lib/server/events/ingest.ts`). Point Segment's
 * libraries at this server with `host` = the app's address and `path` = `/api/v1/batch`.
 */
import { json, type RequestHandler } from '@sveltejs/kit';
import { ingestion } from '$lib/server/events/server';

export const POST: RequestHandler = async (event) => {
	const length = Number(event.request.headers.get('content-length'));
	const result = await (
		await ingestion()
	).handle({
		call: event.params.call ?? '',
		authorization: event.request.headers.get('authorization'),
		contentLength: Number.isSafeInteger(length) ? length : null,
		body: event.request.body
	});
	return json(result.body, {
		status: result.status,
		headers: { 'cache-control': 'no-store', ...('headers' in result ? result.headers : {}) }
	});
};
