/**
 * The tickets API (`POST /api/v1/tickets`), beside the events API and with the same write keys
 * (`../events/ingest.ts`: Basic auth, the key as the user name): `{tickets: [...]}`, at most
 * 1,000 tickets and 2 MB a request, each ticket checked (`./ticket.ts`), the valid ones stored in
 * one statement before the answer, which names the tickets it refused and why. A ticket sent again
 * updates the stored one, and only when a field differs. A request refused whole answers 400 (too
 * large, not JSON, no list of tickets, too many), 401 or 429 (retried after `Retry-After`).
 */
import type { EventSources } from '../store/event-sources';
import type { SupportTickets } from '../store/support-tickets';
import { RateLimit } from '../events/rate';
import { isObject } from '../events/spec';
import { textUpTo, WRITE_KEY_CHALLENGE, writeKeyOf } from '../events/ingest';
import { checkTicket } from './ticket';
import type { Ticket, TicketsAnswer } from './types';

export const MAX_TICKETS = 1_000;
export const MAX_TICKETS_BYTES = 2 * 1024 * 1024;

export type TicketsResult =
	| { status: 200; body: TicketsAnswer }
	| {
			status: 400 | 401 | 429;
			body: { success: false; error: string };
			headers?: Record<string, string>;
	  };

export interface TicketsRequest {
	authorization: string | null;
	contentLength: number | null;
	body: ReadableStream<Uint8Array> | null;
}

const refuse = (
	status: 400 | 401 | 429,
	error: string,
	headers?: Record<string, string>
): TicketsResult => ({ status, body: { success: false, error }, ...(headers ? { headers } : {}) });

const TOO_LARGE = `the request is larger than the ${MAX_TICKETS_BYTES / 1024 / 1024} MB it may be`;

/** The id a refused ticket was sent with, to name it in the answer. */
function sentId(raw: unknown): string | null {
	if (!isObject(raw)) return null;
	if (typeof raw.id === 'string') return raw.id;
	return typeof raw.id === 'number' ? String(raw.id) : null;
}

export class TicketIntake {
	readonly rate: RateLimit;

	constructor(
		readonly sources: EventSources,
		readonly tickets: SupportTickets,
		options: { ticketsPerSecond?: number } = {}
	) {
		this.rate = new RateLimit(options.ticketsPerSecond ?? 1_000);
	}

	async handle(request: TicketsRequest, now = Date.now()): Promise<TicketsResult> {
		const key = writeKeyOf(request.authorization);
		if (key === null)
			return refuse(
				401,
				'a write key is required (Basic auth, the key as the user name)',
				WRITE_KEY_CHALLENGE
			);
		const sender = await this.sources.sender(key);
		if (!sender)
			return refuse(
				401,
				'this write key is not a source of this server, or it was revoked',
				WRITE_KEY_CHALLENGE
			);

		if ((request.contentLength ?? 0) > MAX_TICKETS_BYTES) return refuse(400, TOO_LARGE);
		if (!request.body) return refuse(400, 'the request has no body: expected {"tickets": [...]}');
		const text = await textUpTo(request.body, MAX_TICKETS_BYTES);
		if (text === null) return refuse(400, TOO_LARGE);
		let payload: unknown;
		try {
			payload = JSON.parse(text);
		} catch {
			return refuse(400, 'the body is not JSON');
		}
		if (!isObject(payload) || !Array.isArray(payload.tickets))
			return refuse(400, 'the body must be a JSON object with a "tickets" list');
		const sent = payload.tickets as unknown[];
		if (sent.length > MAX_TICKETS)
			return refuse(
				400,
				`${sent.length.toLocaleString('en-US')} tickets: a request may send at most ${MAX_TICKETS.toLocaleString('en-US')}`
			);

		const waitSeconds = this.rate.take(sender.id, sent.length, now);
		if (waitSeconds > 0)
			return refuse(
				429,
				`this source sends more than ${this.rate.perSecond.toLocaleString('en-US')} tickets a second: send again in ${waitSeconds} s`,
				{ 'retry-after': String(waitSeconds) }
			);

		const accepted: Ticket[] = [];
		const refused: TicketsAnswer['refused'] = [];
		for (const [index, raw] of sent.entries()) {
			const checked = checkTicket(raw);
			if (checked.ok) accepted.push(checked.ticket);
			else refused.push({ index, id: sentId(raw), reason: checked.reason });
		}
		const counts = await this.tickets.upsert(sender.id, accepted);
		return {
			status: 200,
			body: { success: true, accepted: accepted.length, ...counts, refused }
		};
	}
}
