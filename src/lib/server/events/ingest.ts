/**
 * The ingestion API, as Segment's HTTP tracking API (`POST /api/v1/{identify|group|track|page|
 * screen|batch}`): the source named by its write key (Basic auth, the key as the user name, as
 * Segment's libraries send it), its rate held, the body read up to Segment's limits, each event
 * checked (`./spec.ts`), and the valid ones committed before the answer, so an acknowledged event
 * is never lost and a resent one is stored once. A batch answers which events were refused and
 * why; a request refused whole answers 400 (too large, not JSON, or a single event that breaks
 * the spec: Segment's libraries do not retry it), 401, 404 or 429 (retried after `Retry-After`).
 */
import { randomUUID } from 'node:crypto';
import type { EventSources, Sender } from '../store/event-sources';
import type { ProductEvents } from '../store/product-events';
import { RateLimit } from './rate';
import {
	checkEvent,
	EVENT_TYPES,
	isObject,
	MAX_BATCH_BYTES,
	MAX_EVENT_BYTES,
	type EventType,
	type IngestedEvent
} from './spec';

export const INGEST_CALLS = [...EVENT_TYPES, 'batch'] as const;

export interface Refused {
	/** The event's place in the batch (0 for a single call). */
	index: number;
	messageId: string | null;
	reason: string;
}

export interface IngestAnswer {
	success: true;
	/** Events that met the spec: stored now, or held already (`duplicates`: sent before). */
	accepted: number;
	stored: number;
	duplicates: number;
	refused: Refused[];
}

export type IngestResult =
	| { status: 200; body: IngestAnswer }
	| {
			status: 400 | 401 | 404 | 429;
			body: { success: false; error: string };
			headers?: Record<string, string>;
	  };

export interface IngestRequest {
	call: string;
	authorization: string | null;
	contentLength: number | null;
	body: ReadableStream<Uint8Array> | null;
}

const refuse = (
	status: 400 | 401 | 404 | 429,
	error: string,
	headers?: Record<string, string>
): IngestResult => ({ status, body: { success: false, error }, ...(headers ? { headers } : {}) });

/** The 401's challenge to a request without a live write key (the tickets API's too). */
export const WRITE_KEY_CHALLENGE = { 'www-authenticate': 'Basic realm="Scorecraft events"' };

/** The write key of a `Basic` authorization (the user name; the password is empty), or null. */
export function writeKeyOf(authorization: string | null): string | null {
	const match = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(authorization ?? '');
	if (!match) return null;
	const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
	const key = decoded.split(':')[0]!.trim();
	return key === '' ? null : key;
}

/** The body as text, or null when it is longer than `max` bytes (reading stops there). */
export async function textUpTo(
	body: ReadableStream<Uint8Array>,
	max: number
): Promise<string | null> {
	const chunks: Uint8Array[] = [];
	let bytes = 0;
	const reader = body.getReader();
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		bytes += value.byteLength;
		if (bytes > max) {
			await reader.cancel().catch(() => undefined);
			return null;
		}
		chunks.push(value);
	}
	return Buffer.concat(chunks).toString('utf8');
}

const kb = (bytes: number) => `${bytes / 1024} KB`;

export class Ingestion {
	readonly rate: RateLimit;

	constructor(
		readonly sources: EventSources,
		readonly events: ProductEvents,
		options: { eventsPerSecond?: number } = {}
	) {
		this.rate = new RateLimit(options.eventsPerSecond ?? 20_000);
	}

	async handle(request: IngestRequest, now = Date.now()): Promise<IngestResult> {
		const call = request.call as (typeof INGEST_CALLS)[number];
		if (!(INGEST_CALLS as readonly string[]).includes(call))
			return refuse(404, `no such call: ${INGEST_CALLS.map((c) => `/api/v1/${c}`).join(', ')}`);
		const key = writeKeyOf(request.authorization);
		const challenge = WRITE_KEY_CHALLENGE;
		if (key === null)
			return refuse(
				401,
				'a write key is required (Basic auth, the key as the user name)',
				challenge
			);
		const sender = await this.sources.sender(key);
		if (!sender)
			return refuse(
				401,
				'this write key is not a source of this server, or it was revoked',
				challenge
			);

		const max = call === 'batch' ? MAX_BATCH_BYTES : MAX_EVENT_BYTES;
		const tooLarge = `the request is larger than the ${kb(max)} ${call === 'batch' ? 'a batch' : 'an event'} may be`;
		if ((request.contentLength ?? 0) > max) return refuse(400, tooLarge);
		if (!request.body) return refuse(400, 'the request has no body: expected a JSON event');
		const text = await textUpTo(request.body, max);
		if (text === null) return refuse(400, tooLarge);
		let payload: unknown;
		try {
			payload = JSON.parse(text);
		} catch {
			return refuse(400, 'the body is not JSON');
		}
		if (!isObject(payload)) return refuse(400, 'the body must be a JSON object');

		const messages: { message: unknown; type?: EventType }[] = [];
		if (call === 'batch') {
			if (!Array.isArray(payload.batch))
				return refuse(400, 'a batch must have a "batch" list of events');
			for (const message of payload.batch as unknown[]) messages.push({ message });
		} else messages.push({ message: payload, type: call });

		const waitSeconds = this.rate.take(sender.id, messages.length, now);
		if (waitSeconds > 0)
			return refuse(
				429,
				`this source sends more than ${this.rate.perSecond.toLocaleString('en-US')} events a second: send again in ${waitSeconds} s`,
				{ 'retry-after': String(waitSeconds) }
			);
		return this.#store(sender, payload, messages, call, now);
	}

	async #store(
		sender: Sender,
		payload: Record<string, unknown>,
		messages: { message: unknown; type?: EventType }[],
		call: string,
		now: number
	): Promise<IngestResult> {
		const accepted: IngestedEvent[] = [];
		const refused: Refused[] = [];
		const batchContext = isObject(payload.context) ? payload.context : null;
		for (const [index, { message, type }] of messages.entries()) {
			const messageId =
				isObject(message) && typeof message.messageId === 'string' ? message.messageId : null;
			if (call === 'batch' && JSON.stringify(message ?? null).length > MAX_EVENT_BYTES) {
				refused.push({
					index,
					messageId,
					reason: `larger than the ${kb(MAX_EVENT_BYTES)} an event may be`
				});
				continue;
			}
			// A batch's own context applies to each of its events, theirs winning.
			const withContext =
				batchContext && isObject(message)
					? {
							...message,
							context: { ...batchContext, ...(isObject(message.context) ? message.context : {}) }
						}
					: message;
			const checked = checkEvent(withContext, {
				type,
				sentAt: payload.sentAt,
				receivedAt: now,
				newId: randomUUID
			});
			if (checked.ok) accepted.push(checked.event);
			else refused.push({ index, messageId, reason: checked.reason });
		}
		if (call !== 'batch' && refused.length > 0) return refuse(400, refused[0]!.reason);
		const stored = await this.events.store(sender.id, accepted);
		return {
			status: 200,
			body: {
				success: true,
				accepted: accepted.length,
				stored,
				duplicates: accepted.length - stored,
				refused
			}
		};
	}
}
