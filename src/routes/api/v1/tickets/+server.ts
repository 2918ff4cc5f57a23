/**
 * POST /api/v1/tickets: support tickets from a ticket system's side, with a source's write key as
 * the Basic auth user name, as the events API takes it (`$lib/server/tickets/intake.ts`).
 */
import { json, type RequestHandler } from '@sveltejs/kit';
import { ticketIntake } from '$lib/server/tickets/server';

export const POST: RequestHandler = async (event) => {
	const length = Number(event.request.headers.get('content-length'));
	const result = await (
		await ticketIntake()
	).handle({
		authorization: event.request.headers.get('authorization'),
		contentLength: Number.isSafeInteger(length) ? length : null,
		body: event.request.body
	});
	return json(result.body, {
		status: result.status,
		headers: { 'cache-control': 'no-store', ...('headers' in result ? result.headers : {}) }
	});
};
