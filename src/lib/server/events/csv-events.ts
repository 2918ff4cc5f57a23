/**
 * A history of product events from a CSV file, one row per event, for what happened before a
 * source sent to Scorecraft (a warehouse export, an analytics tool's download). The columns are the
 * Segment spec's fields, under their spec names or in snake case: `type`, `userId`, `anonymousId`,
 * `groupId`, `event` (or `name` for a page), `timestamp`, `messageId`, and `properties` / `traits`
 * as JSON objects. Each row is checked as the API checks an event (`./spec.ts`); a row without a
 * `messageId` gets one made from its content, so importing the same file twice stores nothing new.
 */
import { createHash } from 'node:crypto';
import { readCsv, type CsvSource } from '$lib/import/csv';
import { checkEvent, type IngestedEvent } from './spec';

export interface CsvRowError {
	/** The row's number as a spreadsheet shows it (the heading is row 1). */
	row: number;
	reason: string;
}

export type CsvEvents =
	| { ok: true; events: IngestedEvent[]; errors: CsvRowError[]; rows: number }
	| { ok: false; error: string };

/** Each field, by the headings that may name it (compared in lower case, without `_`, `-` or spaces). */
const COLUMNS: Readonly<Record<string, readonly string[]>> = {
	type: ['type'],
	userId: ['userid', 'user'],
	anonymousId: ['anonymousid'],
	groupId: ['groupid', 'accountid', 'group'],
	event: ['event', 'eventname', 'name'],
	timestamp: ['timestamp', 'time', 'occurredat', 'originaltimestamp'],
	messageId: ['messageid', 'id'],
	properties: ['properties'],
	traits: ['traits']
};

export const MAX_CSV_ROWS = 2_000_000;

const normal = (heading: string) =>
	heading
		.trim()
		.toLowerCase()
		.replace(/[\s_-]+/g, '');

/** Which column holds each field; an error naming what is missing or doubled. */
function columnsOf(heading: string[]): Map<string, number> | string {
	const found = new Map<string, number>();
	heading.forEach((text, index) => {
		const name = normal(text);
		for (const [field, names] of Object.entries(COLUMNS))
			if (names.includes(name) && !found.has(field)) found.set(field, index);
	});
	if (!found.has('type'))
		return 'the file has no type column (identify, group, track, page or screen)';
	if (!found.has('timestamp')) return 'the file has no timestamp column';
	if (!found.has('userId') && !found.has('anonymousId'))
		return 'the file has no userId column (nor anonymousId)';
	return found;
}

/** A row as the message a Segment library would have sent; a JSON column that is not an object is named. */
function messageOf(row: string[], columns: Map<string, number>): Record<string, unknown> | string {
	const cell = (field: string) => {
		const index = columns.get(field);
		const value = index === undefined ? '' : (row[index] ?? '').trim();
		return value === '' ? undefined : value;
	};
	if (cell('timestamp') === undefined) return 'timestamp is required (when the event happened)';
	const message: Record<string, unknown> = {};
	for (const field of ['type', 'userId', 'anonymousId', 'timestamp', 'messageId'])
		if (cell(field) !== undefined) message[field] = cell(field);
	const type = cell('type')?.toLowerCase();
	message.type = type;
	const name = cell('event');
	if (name !== undefined) message[type === 'track' ? 'event' : 'name'] = name;
	const group = cell('groupId');
	if (group !== undefined) {
		if (type === 'group') message.groupId = group;
		else message.context = { groupId: group };
	}
	for (const field of ['properties', 'traits']) {
		const text = cell(field);
		if (text === undefined) continue;
		try {
			message[field] = JSON.parse(text);
		} catch {
			return `${field} is not JSON: ${text.slice(0, 40)}`;
		}
	}
	return message;
}

/** The events of a CSV file, with the rows that are not events and why. */
export async function eventsFromCsv(source: CsvSource, totalBytes?: number): Promise<CsvEvents> {
	const events: IngestedEvent[] = [];
	const errors: CsvRowError[] = [];
	let columns: Map<string, number> | null = null;
	let problem: string | null = null;
	let rows = 0;
	const read = await readCsv(
		source,
		(chunk) => {
			chunk.rows.forEach((row, i) => {
				const index = chunk.firstIndex + i;
				if (index === 0) {
					const found = columnsOf(row);
					if (typeof found === 'string') problem = found;
					else columns = found;
					return;
				}
				if (problem || !columns) return;
				if (row.length === 1 && row[0]!.trim() === '') return;
				rows++;
				const line = index + 1;
				if (chunk.malformed?.has(i)) {
					errors.push({ row: line, reason: 'a quote is never closed' });
					return;
				}
				const message = messageOf(row, columns);
				if (typeof message === 'string') {
					errors.push({ row: line, reason: message });
					return;
				}
				const checked = checkEvent(message, {
					receivedAt: Date.now(),
					newId: () =>
						`csv-${createHash('sha256').update(JSON.stringify(row)).digest('hex').slice(0, 32)}`
				});
				if (checked.ok) events.push(checked.event);
				else errors.push({ row: line, reason: checked.reason });
			});
			if (problem) return false;
			if (rows > MAX_CSV_ROWS) {
				problem = `the file has more than ${MAX_CSV_ROWS.toLocaleString('en')} rows: split it`;
				return false;
			}
		},
		{ totalBytes }
	);
	if (!read.ok)
		return {
			ok: false,
			error:
				read.problem === 'not_utf8'
					? 'the file is not UTF-8 text (save it again as CSV UTF-8)'
					: read.problem === 'empty'
						? 'the file is empty'
						: 'the file could not be read to its end'
		};
	if (problem) return { ok: false, error: problem };
	return { ok: true, events, errors, rows };
}
