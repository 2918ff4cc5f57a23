/** Support tickets, as the API and the CSV import take them and the store keeps them. */

/** A checked ticket: the `support_ticket` row's fields, dates as ISO 8601 in UTC. */
export interface Ticket {
	ticket_id: string;
	account_id: string;
	opened_at: string;
	first_response_at: string | null;
	closed_at: string | null;
	priority: string | null;
	subject: string | null;
	body: string | null;
}

export type CheckedTicket = { ok: true; ticket: Ticket } | { ok: false; reason: string };

/** What an upsert did: tickets new, changed, and sent again as they were. */
export interface UpsertCounts {
	added: number;
	updated: number;
	unchanged: number;
}

/** `POST /api/v1/tickets`'s answer to a request it read. */
export interface TicketsAnswer extends UpsertCounts {
	success: true;
	/** Tickets that passed the checks (a ticket id sent twice counts twice; the last one is kept). */
	accepted: number;
	refused: { index: number; id: string | null; reason: string }[];
}

/** A CSV row left out of an import, and why (its row in a spreadsheet: the heading is row 1). */
export interface TicketRowError {
	row: number;
	reason: string;
}

/** `POST /api/tickets/import`'s answer. */
export interface TicketImportAnswer extends UpsertCounts {
	/** The data rows read (blank rows aside). */
	rows: number;
	/** Rows left out for an error; `errors` lists the first `TICKET_ERRORS_LISTED`. */
	refused: number;
	errors: TicketRowError[];
	/** Headings of the file's columns that are no ticket field, left aside. */
	ignored_columns: string[];
	/** The source the tickets were stored under. */
	source_id: string;
}

/** One account's ticket measures as of a day (`./measures.ts`). */
export interface TicketMeasures {
	account_id: string;
	/** Opened by the end of the day and not closed by then. */
	open_tickets: number;
	/** Opened in the 30 days ending with the day. */
	tickets_30d: number;
	/** Median hours to the first response, of tickets opened in the last 90 days that had one. */
	first_response_hours: number | null;
	/** Mean sentiment (−1…1) of tickets opened in the last 90 days; null when none has one. */
	ticket_sentiment: number | null;
}
