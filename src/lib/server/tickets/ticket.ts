/**
 * One support ticket checked, whether it came in a request to `POST /api/v1/tickets` (JSON) or a
 * row of an uploaded CSV file (text cells): the same fields, the same limits, the same reasons,
 * each naming the field. An empty optional field is no value; a date and time without a zone is
 * taken as UTC, as ticket systems' exports mostly write it.
 */
import type { CheckedTicket, Ticket } from './types';

export const TICKET_LIMITS = {
	id: 200,
	account_id: 200,
	priority: 40,
	subject: 500,
	text: 20_000
} as const;

const EXAMPLE_DATE = '2026-03-01T09:30:00Z';

const DATE_TIME =
	/^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * An ISO 8601 date and time as milliseconds, or null: a date alone, one not in the calendar, or
 * one before 1900 (no ticket's; `Date.UTC` would also read the years 0–99 as 1900–1999).
 */
export function parseDateTime(text: string): number | null {
	const match = DATE_TIME.exec(text);
	if (!match) return null;
	const [year, month, day, hour, minute, second] = match
		.slice(1, 7)
		.map((part) => Number(part ?? 0));
	const fraction = Number(`0.${match[7] ?? '0'}`);
	if (year! < 1900 || month! < 1 || month! > 12 || hour! > 23 || minute! > 59 || second! > 59)
		return null;
	if (day! < 1 || day! > new Date(Date.UTC(year!, month!, 0)).getUTCDate()) return null;
	const zone = match[8]?.toUpperCase() ?? 'Z';
	let offsetMinutes = 0;
	if (zone !== 'Z') {
		const digits = zone.slice(1).replace(':', '');
		offsetMinutes =
			(Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0)) * (zone[0] === '-' ? -1 : 1);
	}
	const at =
		Date.UTC(year!, month! - 1, day!, hour!, minute!, second!) + Math.round(fraction * 1000);
	return at - offsetMinutes * 60_000;
}

type Field<T> = { value: T } | { reason: string };

/** A text field: trimmed, empty as null; an id may also come as a number. */
function textOf(value: unknown, name: string, max: number, id = false): Field<string | null> {
	if (value === undefined || value === null) return { value: null };
	if (id && typeof value === 'number' && Number.isFinite(value)) return { value: String(value) };
	if (typeof value !== 'string') return { reason: `${name} must be text` };
	const text = value.trim();
	if (text.length > max)
		return { reason: `${name} is longer than ${max.toLocaleString('en-US')} characters` };
	return { value: text === '' ? null : text };
}

function dateOf(value: unknown, name: string): Field<string | null> {
	const text = textOf(value, name, 40);
	if ('reason' in text || text.value === null) return text;
	const at = parseDateTime(text.value);
	if (at === null)
		return { reason: `${name} is not an ISO 8601 date and time, e.g. ${EXAMPLE_DATE}` };
	return { value: new Date(at).toISOString() };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** `raw` as a ticket, or the first thing wrong with it. */
export function checkTicket(raw: unknown): CheckedTicket {
	if (!isObject(raw)) return { ok: false, reason: 'a ticket must be an object' };
	const id = textOf(raw.id, 'id', TICKET_LIMITS.id, true);
	const account = textOf(raw.account_id, 'account_id', TICKET_LIMITS.account_id, true);
	const opened = dateOf(raw.opened_at, 'opened_at');
	const responded = dateOf(raw.first_response_at, 'first_response_at');
	const closed = dateOf(raw.closed_at, 'closed_at');
	const priority = textOf(raw.priority, 'priority', TICKET_LIMITS.priority);
	const subject = textOf(raw.subject, 'subject', TICKET_LIMITS.subject);
	const text = textOf(raw.text, 'text', TICKET_LIMITS.text);
	const body = textOf(raw.body, 'body', TICKET_LIMITS.text);
	for (const field of [id, account, opened, responded, closed, priority, subject, text, body])
		if ('reason' in field) return { ok: false, reason: field.reason };
	const value = <T>(field: Field<T>) => (field as { value: T }).value;
	if (value(id) === null) return { ok: false, reason: 'id is required' };
	if (value(account) === null) return { ok: false, reason: 'account_id is required' };
	if (value(opened) === null) return { ok: false, reason: 'opened_at is required' };
	if (value(text) !== null && value(body) !== null && value(text) !== value(body))
		return { ok: false, reason: 'text and body are both given: send the ticket’s text in one' };
	const ticket: Ticket = {
		ticket_id: value(id)!,
		account_id: value(account)!,
		opened_at: value(opened)!,
		first_response_at: value(responded),
		closed_at: value(closed),
		priority: value(priority),
		subject: value(subject),
		body: value(text) ?? value(body)
	};
	// ISO strings in UTC compare as their times do.
	for (const name of ['first_response_at', 'closed_at'] as const) {
		const at = ticket[name];
		if (at !== null && at < ticket.opened_at)
			return { ok: false, reason: `${name} is before opened_at` };
	}
	return { ok: true, ticket };
}
