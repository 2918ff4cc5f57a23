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
	/** Bytes per chunk. */
	chunkSize?: number;
	/** The format found by an earlier look at the same file; otherwise it is guessed. */
	format?: CsvFormat;
}

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

/**
 * Reads `blob` chunk by chunk and hands each chunk's complete rows to `onChunk`; a row cut by the
 * chunk's end waits for the next chunk. `onChunk` may return `false` to stop early (a preview).
 */
export async function readCsv(
	blob: Blob,
	onChunk: (chunk: CsvChunk) => boolean | void,
	options: ReadCsvOptions = {}
): Promise<ReadCsvResult> {
	const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
	const totalBytes = blob.size;
	const decoder = new TextDecoder('utf-8', { fatal: true });
	let format = options.format;
	let carry = '';
	let index = 0;
	let sawText = false;
	for (let start = 0; start < totalBytes || start === 0; start += chunkSize) {
		const end = Math.min(start + chunkSize, totalBytes);
		const last = end >= totalBytes;
		let text: string;
		try {
			const bytes = await blob.slice(start, end).arrayBuffer();
			text = decoder.decode(bytes, { stream: !last });
		} catch (error) {
			return { ok: false, problem: error instanceof TypeError ? 'not_utf8' : 'unreadable' };
		}
		if (start === 0 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
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
				bytesRead: end,
				totalBytes
			});
			index += rows.length;
			if (keepGoing === false) break;
		}
		if (last) break;
	}
	return format ? { ok: true, format } : { ok: false, problem: 'empty' };
}
