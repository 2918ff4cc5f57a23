/**
 * Streaming a CSV file in chunks, with papaparse's parser doing the CSV itself (quotes, separators
 * and line breaks inside quoted fields, `""` escapes).
 *
 * The bytes are decoded here, not by papaparse's file streamer: that one reads each chunk with
 * `FileReader.readAsText` on its own, so a character whose UTF-8 bytes straddle two chunks (any
 * accented or Japanese name, sooner or later) comes out as two replacement characters. One
 * streaming `TextDecoder` across the chunks never splits a character, strips a UTF-8 byte order
 * mark, and fails on a file that is not UTF-8 at all (a legacy Excel export), so the user can be
 * told so instead of importing mojibake. It also runs unchanged in Node, for the tests.
 */
import Papa from 'papaparse';
import type { CsvFormat, FileProblem } from './types';

export interface CsvChunk {
	/** Parsed rows; the file's first row (the heading) is in the first chunk. */
	rows: string[][];
	/** The index in the whole file of `rows[0]`; the heading is 0, so a spreadsheet row is index + 1. */
	firstIndex: number;
	/** Indexes in `rows` of rows the parser could not read cleanly (a quote never closed). */
	malformed: Set<number> | undefined;
	bytesRead: number;
	totalBytes: number;
}

export interface ReadCsvOptions {
	/** Bytes per chunk read from a `Blob` (a stream comes in the chunks it brings). */
	chunkSize?: number;
	/** The format found by an earlier look at the same file; otherwise it is guessed. */
	format?: CsvFormat;
	/** The size of a stream, when it is known (a request's length), for progress. */
	totalBytes?: number;
}

/** A file chosen in the page, or the bytes of a request as they arrive on the server. */
export type CsvSource = Blob | ReadableStream<Uint8Array>;

export type ReadCsvResult = { ok: true; format: CsvFormat } | { ok: false; problem: FileProblem };

export const DEFAULT_CHUNK_SIZE = 1 << 20;
const SNIFF_LENGTH = 64 * 1024;
const DELIMITERS = [',', ';', '\t', '|'];

/** The separator and line break of a file, from its first lines. */
export function sniffFormat(text: string): CsvFormat {
	const { meta } = Papa.parse<string[]>(text.slice(0, SNIFF_LENGTH), {
		preview: 20,
		delimitersToGuess: DELIMITERS
	});
	const delimiter = DELIMITERS.includes(meta.delimiter) ? meta.delimiter : ',';
	const newline = meta.linebreak === '\r\n' || meta.linebreak === '\r' ? meta.linebreak : '\n';
	return { delimiter, newline, decimalComma: delimiter === ';' };
}

/** The bytes of `source` chunk by chunk; stopping early cancels a stream (the rest is never read). */
async function* chunksOf(source: CsvSource, chunkSize: number): AsyncGenerator<Uint8Array> {
	if (source instanceof Blob) {
		for (let start = 0; start < source.size; start += chunkSize)
			yield new Uint8Array(await source.slice(start, start + chunkSize).arrayBuffer());
		return;
	}
	const reader = source.getReader();
	let done = false;
	try {
		while (!done) {
			const next = await reader.read();
			done = next.done;
			if (next.value?.length) yield next.value;
		}
	} finally {
		if (!done) await reader.cancel().catch(() => undefined);
		reader.releaseLock();
	}
}

/**
 * Reads `source` chunk by chunk and hands each chunk's complete rows to `onChunk`; a row cut by the
 * chunk's end waits for the next chunk. `onChunk` may return `false` to stop early (a preview).
 */
export async function readCsv(
	source: CsvSource,
	onChunk: (chunk: CsvChunk) => boolean | void,
	options: ReadCsvOptions = {}
): Promise<ReadCsvResult> {
	const totalBytes = source instanceof Blob ? source.size : (options.totalBytes ?? 0);
	const decoder = new TextDecoder('utf-8', { fatal: true });
	const chunks = chunksOf(source, options.chunkSize ?? DEFAULT_CHUNK_SIZE);
	let format = options.format;
	let carry = '';
	let index = 0;
	let bytesRead = 0;
	let sawText = false;
	let first = true;
	for (;;) {
		// One chunk beyond the bytes: the end, where the decoder and the parser give what they hold.
		let bytes: Uint8Array | undefined;
		try {
			const next = await chunks.next();
			bytes = next.done ? undefined : next.value;
		} catch {
			return { ok: false, problem: 'unreadable' };
		}
		const last = bytes === undefined;
		let text: string;
		try {
			text = last ? decoder.decode() : decoder.decode(bytes, { stream: true });
		} catch {
			await chunks.return(undefined);
			return { ok: false, problem: 'not_utf8' };
		}
		bytesRead += bytes?.length ?? 0;
		if (first && text !== '') {
			first = false;
			if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
		}
		const input = carry + text;
		if (!sawText && input.trim() === '') {
			if (last) return { ok: false, problem: 'empty' };
			carry = input;
			continue;
		}
		sawText = true;
		if (!format) {
			// The separator is guessed from the first lines: wait for enough of them.
			if (!last && input.length < SNIFF_LENGTH) {
				carry = input;
				continue;
			}
			format = sniffFormat(input);
		}
		const parser = new Papa.Parser({
			delimiter: format.delimiter,
			newline: format.newline,
			quoteChar: '"'
		});
		const result = parser.parse(input, 0, !last) as Papa.ParseResult<string[]>;
		carry = last ? '' : input.slice(result.meta.cursor);
		const rows = result.data;
		// The empty "row" after a file's final line break is no row at all.
		if (
			last &&
			rows.length &&
			rows[rows.length - 1]!.length === 1 &&
			rows[rows.length - 1]![0] === ''
		)
			rows.pop();
		let malformed: Set<number> | undefined;
		for (const error of result.errors) {
			if (error.type === 'Quotes' && error.row !== undefined && error.row < rows.length) {
				(malformed ??= new Set()).add(error.row);
			}
		}
		if (rows.length || last) {
			const keepGoing = onChunk({
				rows,
				firstIndex: index,
				malformed,
				bytesRead,
				totalBytes: Math.max(totalBytes, bytesRead)
			});
			index += rows.length;
			if (keepGoing === false) {
				await chunks.return(undefined);
				break;
			}
		}
		if (last) break;
	}
	return format ? { ok: true, format } : { ok: false, problem: 'empty' };
}
