/** The answer of `POST /api/events/import` (`src/routes/api/events/import/+server.ts`), which the Usage page reads. */
export interface EventImportAnswer {
	source_id: string;
	rows: number;
	stored: number;
	duplicates: number;
	/** Rows left out, the first 100 of them in `errors`. */
	refused: number;
	errors: { row: number; reason: string }[];
	/** The days the events cover, to roll up. */
	from: string | null;
	to: string | null;
}
