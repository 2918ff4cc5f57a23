/**
 * Product events as the Segment spec sends them (the HTTP tracking API: `identify`, `group`,
 * `track`, `page`, `screen`, and `batch` holding any of them), checked one by one: an event that
 * breaks the spec is refused with the reason, and never stops the others of its batch. What
 * Scorecraft keeps of an accepted one is an `IngestedEvent`: who (`userId` or `anonymousId`), the
 * account for `group` (`groupId`), what (`event`, or the page's or screen's `name`), its
 * `properties` or `traits`, and when (`timestamp`, else corrected for the sender's clock as
 * Segment does: received − (sentAt − originalTimestamp)).
 */

/** The calls a source may make, one event each; `batch` sends several. */
export const EVENT_TYPES = ['identify', 'group', 'track', 'page', 'screen'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Segment's own limits: an event of at most 32 KB, a batch of at most 500 KB. */
export const MAX_EVENT_BYTES = 32 * 1024;
export const MAX_BATCH_BYTES = 500 * 1024;

const MAX_ID = 200;
const MAX_NAME = 200;
const MAX_MESSAGE_ID = 100;

export interface IngestedEvent {
	message_id: string;
	type: EventType;
	user_id: string | null;
	anonymous_id: string | null;
	/** The account (`group`), or the one `context.groupId` names (B2B `track` calls). */
	group_id: string | null;
	/** The `track` event's name, or the page's or screen's. */
	event: string | null;
	properties: Record<string, unknown> | null;
	traits: Record<string, unknown> | null;
	/** ISO 8601, UTC. */
	timestamp: string;
}

export type Checked = { ok: true; event: IngestedEvent } | { ok: false; reason: string };

export const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** An id the spec allows as a string or a number (Segment turns numbers into strings). */
function idOf(
	value: unknown,
	name: string,
	max: number
): { id: string | null } | { reason: string } {
	if (value === undefined || value === null) return { id: null };
	if (typeof value === 'number' && Number.isFinite(value)) return { id: String(value) };
	if (typeof value !== 'string') return { reason: `${name} must be a string` };
	const id = value.trim();
	if (id.length > max) return { reason: `${name} is longer than ${max} characters` };
	return { id: id === '' ? null : id };
}

function dateOf(value: unknown, name: string): { at: number | null } | { reason: string } {
	if (value === undefined || value === null) return { at: null };
	const at = typeof value === 'string' ? Date.parse(value) : Number.NaN;
	if (!Number.isFinite(at)) return { reason: `${name} is not an ISO 8601 date` };
	return { at };
}

/**
 * When the event happened: `timestamp` as sent, else the sender's `originalTimestamp` corrected by
 * how far its clock was from the server's when it sent the batch; else when it was received.
 */
function whenOf(
	message: Record<string, unknown>,
	sentAt: unknown,
	receivedAt: number
): { at: number } | { reason: string } {
	const timestamp = dateOf(message.timestamp, 'timestamp');
	if ('reason' in timestamp) return timestamp;
	if (timestamp.at !== null) return { at: timestamp.at };
	const original = dateOf(message.originalTimestamp, 'originalTimestamp');
	if ('reason' in original) return original;
	const sent = dateOf(message.sentAt ?? sentAt, 'sentAt');
	if ('reason' in sent) return sent;
	if (original.at !== null)
		return { at: sent.at !== null ? receivedAt - (sent.at - original.at) : original.at };
	return { at: receivedAt };
}

/**
 * One message of `type` (a single call's, or the batch item's own `type`), checked. `messageId`
 * makes a resent event stored once; one without gets a new id, as Segment gives it.
 */
export function checkEvent(
	message: unknown,
	options: { type?: EventType; sentAt?: unknown; receivedAt: number; newId: () => string }
): Checked {
	if (!isObject(message)) return { ok: false, reason: 'an event must be a JSON object' };
	const type = options.type ?? message.type;
	if (typeof type !== 'string' || !(EVENT_TYPES as readonly string[]).includes(type))
		return {
			ok: false,
			reason:
				type === 'alias'
					? 'alias is not used: send identify with the userId the person has now'
					: `type must be one of ${EVENT_TYPES.join(', ')}`
		};
	const messageId = idOf(message.messageId, 'messageId', MAX_MESSAGE_ID);
	if ('reason' in messageId) return { ok: false, reason: messageId.reason };
	const userId = idOf(message.userId, 'userId', MAX_ID);
	if ('reason' in userId) return { ok: false, reason: userId.reason };
	const anonymousId = idOf(message.anonymousId, 'anonymousId', MAX_ID);
	if ('reason' in anonymousId) return { ok: false, reason: anonymousId.reason };
	if (userId.id === null && anonymousId.id === null)
		return { ok: false, reason: 'userId or anonymousId is required' };
	if (message.context !== undefined && message.context !== null && !isObject(message.context))
		return { ok: false, reason: 'context must be an object' };
	const context = isObject(message.context) ? message.context : null;
	const groupId = idOf(
		type === 'group' ? message.groupId : (context?.groupId ?? null),
		type === 'group' ? 'groupId' : 'context.groupId',
		MAX_ID
	);
	if ('reason' in groupId) return { ok: false, reason: groupId.reason };
	if (type === 'group' && groupId.id === null)
		return { ok: false, reason: 'groupId is required for group' };

	let event: string | null = null;
	if (type === 'track') {
		if (typeof message.event !== 'string' || message.event.trim() === '')
			return { ok: false, reason: 'event is required for track' };
		event = message.event.trim();
	} else if (type === 'page' || type === 'screen') {
		if (message.name !== undefined && message.name !== null && typeof message.name !== 'string')
			return { ok: false, reason: 'name must be a string' };
		event =
			typeof message.name === 'string' && message.name.trim() !== '' ? message.name.trim() : null;
	}
	if (event !== null && event.length > MAX_NAME)
		return { ok: false, reason: `event is longer than ${MAX_NAME} characters` };

	for (const name of ['properties', 'traits'] as const) {
		const value = message[name];
		if (value !== undefined && value !== null && !isObject(value))
			return { ok: false, reason: `${name} must be an object` };
	}
	// Segment's libraries put an identify's or a group's traits in `traits` (older ones in `context.traits`).
	const traits =
		type === 'identify' || type === 'group'
			? ((message.traits as Record<string, unknown> | undefined) ??
				(isObject(context?.traits) ? context.traits : null))
			: null;
	const properties =
		type === 'track' || type === 'page' || type === 'screen'
			? ((message.properties as Record<string, unknown> | undefined) ?? null)
			: null;

	const when = whenOf(message, options.sentAt, options.receivedAt);
	if ('reason' in when) return { ok: false, reason: when.reason };
	return {
		ok: true,
		event: {
			message_id: messageId.id ?? options.newId(),
			type: type as EventType,
			user_id: userId.id,
			anonymous_id: anonymousId.id,
			group_id: groupId.id,
			event,
			properties,
			traits,
			timestamp: new Date(when.at).toISOString()
		}
	};
}
