/**
 * A CSV file of support tickets, read as it arrives with the project's CSV reader
 * (`$lib/import/csv.ts`): its heading names the columns (the names of the tickets API, or the usual
 * aliases of ticket systems' exports), every row is checked as the API checks a ticket
 * (`./ticket.ts`), and a row with a problem is left out and listed with its row number (the heading
 * is row 1, as a spreadsheet numbers it). Columns it does not know are left aside and named.
 */
import { readCsv, type CsvSource } from '$lib/import/csv';
import { checkTicket } from './ticket';
import type { Ticket, TicketRowError } from './types';

/** The largest file taken: its valid rows go to the database as one statement. */
export const TICKET_IMPORT_MAX_BYTES = 32 * 1024 * 1024;

/** A file's row problems an answer lists; `refused` counts them all. */
export const TICKET_ERRORS_LISTED = 100;

type Field =
	| 'id'
	| 'account_id'
	| 'opened_at'
	| 'first_response_at'
	| 'closed_at'
	| 'priority'
	| 'subject'
	| 'text';

/** Each field and the headings that name it, the API's name first. */
export const TICKET_COLUMNS: Readonly<Record<Field, readonly string[]>> = {
	id: ['id', 'ticket_id', 'ticket'],
	account_id: ['account_id', 'account'],
	opened_at: ['opened_at', 'opened', 'created_at', 'created'],
	first_response_at: ['first_response_at', 'first_response'],
	closed_at: ['closed_at', 'closed', 'solved_at', 'resolved_at'],
	priority: ['priority'],
	subject: ['subject', 'title'],
	text: ['text', 'body', 'description']
};

const REQUIRED: readonly Field[] = ['id', 'account_id', 'opened_at'];

const FIELD_OF = new Map(
	Object.entries(TICKET_COLUMNS).flatMap(([field, names]) =>
		names.map((name) => [name, field as Field] as const)
	)
);

/** "Ticket ID", "ticket-id" and "ticket_id" are one heading. */
const headingKey = (heading: string) =>
	heading
		.trim()
		.toLowerCase()
		.replace(/[\s-]+/g, '_');

export type TicketsFile =
	| {
			ok: true;
			/** Data rows read (blank rows aside). */
			rows: number;
			tickets: Ticket[];
			refused: number;
			errors: TicketRowError[];
			/** Headings of columns that are not a ticket's field, as the file has them. */
			ignoredColumns: string[];
	  }
	| { ok: false; problem: 'file' | 'too_large'; error: string };

const FILE_PROBLEMS = {
	empty: 'the file is empty',
	not_utf8: 'the file is not UTF-8 text: save it as “CSV UTF-8” and upload it again',
	unreadable: 'the file could not be read to its end',
	other_heading: 'the file could not be read'
} as const;

/** Which column holds which field, or what is wrong with the heading. */
function columnsOf(
	heading: readonly string[]
): { ok: true; columns: Map<number, Field>; ignored: string[] } | { ok: false; error: string } {
	const columns = new Map<number, Field>();
	const headingOf = new Map<Field, string>();
	const ignored: string[] = [];
	for (const [index, name] of heading.entries()) {
		const field = FIELD_OF.get(headingKey(name));
		if (!field) {
			if (name.trim() !== '') ignored.push(name.trim());
			continue;
		}
		const earlier = headingOf.get(field);
		if (earlier !== undefined)
			return {
				ok: false,
				error: `the columns “${earlier}” and “${name.trim()}” both give the ticket’s ${field}: keep one`
			};
		headingOf.set(field, name.trim());
		columns.set(index, field);
	}
	const missing = REQUIRED.filter((field) => !headingOf.has(field));
	if (missing.length > 0)
		return {
			ok: false,
			error: `the heading has no column for ${missing
				.map((field) => TICKET_COLUMNS[field].join(' or '))
				.join(
					', nor for '
				)}; its first row must name the columns, e.g. ${Object.keys(TICKET_COLUMNS).join(',')}`
		};
	return { ok: true, columns, ignored };
}

/** Reads and checks the tickets of a CSV file, stopping past `maxBytes`. */
export async function readTicketsCsv(
	source: CsvSource,
	options: { maxBytes: number; totalBytes?: number }
): Promise<TicketsFile> {
	if ((options.totalBytes ?? 0) > options.maxBytes) return tooLarge(options.maxBytes);
	let columns: Map<number, Field> | null = null;
	let ignoredColumns: string[] = [];
	let headingError: string | null = null;
	let overflow = false;
	let rows = 0;
	let refused = 0;
	const tickets: Ticket[] = [];
	const errors: TicketRowError[] = [];
	const refuse = (row: number, reason: string) => {
		refused++;
		if (errors.length < TICKET_ERRORS_LISTED) errors.push({ row, reason });
	};
	const read = await readCsv(
		source,
		(chunk) => {
			if (chunk.bytesRead > options.maxBytes) {
				overflow = true;
				return false;
			}
			for (const [offset, cells] of chunk.rows.entries()) {
				const index = chunk.firstIndex + offset;
				if (columns === null) {
					const found = columnsOf(cells);
					if (!found.ok) {
						headingError = found.error;
						return false;
					}
					({ columns, ignored: ignoredColumns } = found);
					continue;
				}
				if (cells.every((cell) => cell.trim() === '')) continue;
				rows++;
				if (chunk.malformed?.has(offset)) {
					refuse(index + 1, 'a quoted cell is never closed (a " missing)');
					continue;
				}
				const raw: Record<string, string> = {};
				for (const [column, field] of columns) raw[field] = cells[column] ?? '';
				const checked = checkTicket(raw);
				if (checked.ok) tickets.push(checked.ticket);
				else refuse(index + 1, checked.reason);
			}
		},
		{ totalBytes: options.totalBytes }
	);
	if (overflow) return tooLarge(options.maxBytes);
	if (!read.ok) return { ok: false, problem: 'file', error: FILE_PROBLEMS[read.problem] };
	if (headingError !== null) return { ok: false, problem: 'file', error: headingError };
	return { ok: true, rows, tickets, refused, errors, ignoredColumns };
}

function tooLarge(maxBytes: number): TicketsFile {
	return {
		ok: false,
		problem: 'too_large',
		error: `the file is larger than the ${maxBytes / 1024 / 1024} MB an upload may be`
	};
}
