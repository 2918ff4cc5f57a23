/**
 * The server's CSV import, as the page and the server both see it:
 *
 *   POST /api/import/{accounts|contacts|snapshots|outcomes|manual_entries|survey_answers}?mapping=<JSON>&format=<JSON>
 *   content-type: text/csv; the body is the file itself, at most `IMPORT_MAX_BYTES`
 *
 * or, as the Data page sends it (a mapping of hundreds of columns is too long for a query),
 *
 *   POST /api/import/{accounts|contacts|snapshots|outcomes|manual_entries|survey_answers}
 *   content-type: multipart/form-data; the fields mapping and format, then the part file
 *
 * `mapping` is the file's columns in order (`ColumnMapping[]`, each heading as the file has it;
 * an outcome's `type` column may carry `values`, the file's words and the outcome each means),
 * `format` its separator, line break and decimal comma (`CsvFormat`): what the page's first look
 * at the file found and the person confirmed. The server reads the file as it arrives, checks every
 * row against the accounts it holds, and writes the valid rows in one commit; it answers an
 * `ImportAnswer`, or `{error}` with 400 (a bad query), 403 (a role that may not change the kind),
 * 409 (accounts deleted while the file was read), 413 (too large) or 422 (a file or mapping it
 * cannot use).
 */
import type { UpsertCount } from '$lib/db/types';
import { isOutcomeType, OUTCOME_TYPES } from './outcome-types';
import type {
	CheckSummary,
	ColumnMapping,
	CsvFormat,
	ImportKind,
	OutcomeType,
	RowError,
	ValueType
} from './types';

export const IMPORT_MAX_BYTES = 64 * 1024 * 1024;

/** Row problems an answer lists; `check.errors` counts them all. */
export const IMPORT_ERRORS_LISTED = 1_000;

export const IMPORT_KINDS: readonly ImportKind[] = [
	'accounts',
	'contacts',
	'snapshots',
	'outcomes',
	'manual_entries',
	'survey_answers'
];

/** Records added, updated and unchanged, per kind. */
export type ImportCounts = Record<ImportKind, UpsertCount>;

export interface ImportAnswer {
	/** The workspace's revision with the import in it (the one before when nothing changed). */
	revision: number;
	/** Records added, updated and left as they were (for the file's kind; the others are zeros). */
	summary: ImportCounts;
	/** Rows read, imported (`validRows`) and refused (`invalidRows`), and the problems in all. */
	check: CheckSummary;
	/** The first `IMPORT_ERRORS_LISTED` problems, in row order. */
	errors: RowError[];
}

/** The request's path and query for a file of `kind` read with `mapping` and `format`. */
export function importPath(
	kind: ImportKind,
	mapping: readonly ColumnMapping[],
	format: CsvFormat
): string {
	const query = new URLSearchParams({
		mapping: JSON.stringify(mapping),
		format: JSON.stringify(format)
	});
	return `/api/import/${kind}?${query}`;
}

export type ImportQuery =
	| { ok: true; kind: ImportKind; mapping: ColumnMapping[]; format: CsvFormat }
	| { ok: false; error: string };

const VALUE_TYPES: readonly ValueType[] = ['metric', 'auto', 'text'];
const NEWLINES: readonly string[] = ['\n', '\r\n', '\r'];

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** The words of a request as a record of its own (no `__proto__` key can reach a prototype). */
function wordsOf(values: Record<string, OutcomeType>): Record<string, OutcomeType> {
	return Object.assign(Object.create(null) as Record<string, OutcomeType>, values);
}

function parseJson(text: string | null, name: string): { value: unknown } | { error: string } {
	if (text === null)
		return {
			error: `${name}: missing (expected JSON in the query, or a form field before the file)`
		};
	try {
		return { value: JSON.parse(text) };
	} catch {
		return { error: `${name}: not JSON` };
	}
}

/**
 * A request's kind and query (or form fields), their shapes checked (what the mapping means is
 * checked after).
 */
export function parseImportQuery(kind: string, query: URLSearchParams): ImportQuery {
	if (!(IMPORT_KINDS as readonly string[]).includes(kind))
		return {
			ok: false,
			error: `no import of ${JSON.stringify(kind.slice(0, 40))}: ${IMPORT_KINDS.join(', ')}`
		};
	const mapping = parseJson(query.get('mapping'), 'mapping');
	if ('error' in mapping) return { ok: false, error: mapping.error };
	if (!Array.isArray(mapping.value) || mapping.value.length === 0)
		return { ok: false, error: 'mapping: expected a list of columns' };
	for (const [i, column] of mapping.value.entries()) {
		if (
			!isObject(column) ||
			typeof column.header !== 'string' ||
			typeof column.target !== 'string' ||
			typeof column.name !== 'string' ||
			!VALUE_TYPES.includes(column.type as ValueType)
		)
			return { ok: false, error: `mapping[${i}]: expected {header, target, name, type}` };
		if (
			column.values !== undefined &&
			!(isObject(column.values) && Object.values(column.values).every(isOutcomeType))
		)
			return {
				ok: false,
				error: `mapping[${i}].values: expected words each mapped to ${OUTCOME_TYPES.join(', ')}`
			};
	}
	const format = parseJson(query.get('format'), 'format');
	if ('error' in format) return { ok: false, error: format.error };
	const { value } = format;
	if (
		!isObject(value) ||
		typeof value.delimiter !== 'string' ||
		value.delimiter.length !== 1 ||
		!NEWLINES.includes(value.newline as string) ||
		typeof value.decimalComma !== 'boolean'
	)
		return { ok: false, error: 'format: expected {delimiter, newline, decimalComma}' };
	return {
		ok: true,
		kind: kind as ImportKind,
		mapping: (mapping.value as ColumnMapping[]).map(({ header, target, name, type, values }) => ({
			header,
			target,
			name,
			type,
			...(values && { values: wordsOf(values) })
		})),
		format: {
			delimiter: value.delimiter,
			newline: value.newline as CsvFormat['newline'],
			decimalComma: value.decimalComma
		}
	};
}

/** The form the page posts: the fields first, as the server reads them before the file. */
export function importForm(request: {
	file: Blob;
	mapping: readonly ColumnMapping[];
	format: CsvFormat;
}): FormData {
	const form = new FormData();
	form.set('mapping', JSON.stringify(request.mapping));
	form.set('format', JSON.stringify(request.format));
	form.set('file', request.file, 'import.csv');
	return form;
}

/** The server refused the file, or could not be reached (`status` 0). */
export class ImportUploadError extends Error {
	constructor(
		message: string,
		readonly status: number
	) {
		super(message);
		this.name = 'ImportUploadError';
	}
}

/** Sends `file` to the server's import; resolves with its answer once the rows are written. */
export async function uploadCsv(
	request: { file: Blob; kind: ImportKind; mapping: readonly ColumnMapping[]; format: CsvFormat },
	fetchFn: typeof fetch = (...args) => fetch(...args)
): Promise<ImportAnswer> {
	if (request.file.size > IMPORT_MAX_BYTES)
		throw new ImportUploadError(
			`the file is larger than the ${IMPORT_MAX_BYTES / 1024 / 1024} MB the server takes at once: split it`,
			413
		);
	let response: Response;
	try {
		response = await fetchFn(`/api/import/${request.kind}`, {
			method: 'POST',
			body: importForm(request)
		});
	} catch (error) {
		throw new ImportUploadError(`the server cannot be reached: ${(error as Error).message}`, 0);
	}
	const body = (await response.json().catch(() => ({}))) as Partial<ImportAnswer> & {
		error?: string;
	};
	if (!response.ok)
		throw new ImportUploadError(body.error ?? `HTTP ${response.status}`, response.status);
	return body as ImportAnswer;
}
