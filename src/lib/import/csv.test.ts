import { describe, expect, it } from 'vitest';
import { readCsv, sniffFormat } from './csv';
import type { CsvFormat } from './types';

/** All rows of `text` read in chunks of `chunkSize` bytes, with the rows each chunk began at. */
async function rowsOf(data: string | Uint8Array, chunkSize: number, format?: CsvFormat) {
	const rows: string[][] = [];
	const firsts: number[] = [];
	const result = await readCsv(
		new Blob([data as BlobPart]),
		(chunk) => {
			expect(chunk.firstIndex).toBe(rows.length);
			firsts.push(chunk.firstIndex);
			rows.push(...chunk.rows);
		},
		{ chunkSize, format }
	);
	return { rows, firsts, result };
}

describe('readCsv', () => {
	const text =
		'id;name;note\r\n' +
		'1;"Müller; Söhne";"line one\r\nline ""two"""\r\n' +
		'2;深田 文;plain\r\n' +
		'3;"";\r\n';
	const expected = [
		['id', 'name', 'note'],
		['1', 'Müller; Söhne', 'line one\r\nline "two"'],
		['2', '深田 文', 'plain'],
		['3', '', '']
	];

	it('reads quoted separators, line breaks and quotes, with any chunk size', async () => {
		// Chunk sizes of 1–17 bytes cut every multi-byte character, every quoted field and the
		// CRLF pairs at every possible place.
		const format: CsvFormat = { delimiter: ';', newline: '\r\n', decimalComma: true };
		for (let chunkSize = 1; chunkSize <= 17; chunkSize++) {
			const { rows, firsts } = await rowsOf(text, chunkSize, format);
			expect(rows, `chunk size ${chunkSize}`).toEqual(expected);
			expect(firsts.length).toBeGreaterThan(1);
		}
		// Without a known format, it is guessed from the first lines.
		for (const chunkSize of [1, 5, 1 << 20]) {
			const { rows, result } = await rowsOf(text, chunkSize);
			expect(rows).toEqual(expected);
			expect(result).toEqual({ ok: true, format });
		}
	});

	it('drops a UTF-8 byte order mark', async () => {
		const { rows } = await rowsOf('\uFEFFa,b\n1,2', 3);
		expect(rows).toEqual([
			['a', 'b'],
			['1', '2']
		]);
	});

	it('says so when a file is empty or not UTF-8', async () => {
		expect((await rowsOf('', 10)).result).toEqual({ ok: false, problem: 'empty' });
		expect((await rowsOf(' \n\n', 10)).result).toEqual({ ok: false, problem: 'empty' });
		// "Müller" in Windows-1252, as older Excel versions save CSV.
		const latin1 = new Uint8Array([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x2c, 0x31]);
		expect((await rowsOf(latin1, 10)).result).toEqual({ ok: false, problem: 'not_utf8' });
	});

	it('reads a stream as its chunks come, characters cut between them, and stops it early when told', async () => {
		const bytes = new TextEncoder().encode(text);
		/** `bytes` in chunks of 3, as a request's body arrives; `pulled` counts the chunks read. */
		const stream = () => {
			let at = 0;
			const state = { pulled: 0, cancelled: false };
			const body = new ReadableStream<Uint8Array>({
				pull(controller) {
					state.pulled += 1;
					if (at >= bytes.length) controller.close();
					else controller.enqueue(bytes.slice(at, (at += 3)));
				},
				cancel() {
					state.cancelled = true;
				}
			});
			return { body, state };
		};
		const whole = stream();
		const rows: string[][] = [];
		const result = await readCsv(whole.body, (chunk) => void rows.push(...chunk.rows));
		expect(result).toEqual({
			ok: true,
			format: { delimiter: ';', newline: '\r\n', decimalComma: true }
		});
		expect(rows).toEqual(expected);

		const early = stream();
		await readCsv(early.body, () => false, {
			format: { delimiter: ';', newline: '\r\n', decimalComma: true }
		});
		expect(early.state.cancelled).toBe(true);
		expect(early.state.pulled).toBeLessThan(bytes.length / 3);
	});

	it('says a stream that fails part way could not be read', async () => {
		let sent = false;
		const failing = new ReadableStream<Uint8Array>({
			pull(controller) {
				if (sent) controller.error(new TypeError('terminated'));
				else controller.enqueue(new TextEncoder().encode('a,b\n1,2\n'));
				sent = true;
			}
		});
		expect(await readCsv(failing, () => {})).toEqual({ ok: false, problem: 'unreadable' });
	});

	it('marks rows with a quote that never closes', async () => {
		const malformed: number[] = [];
		await readCsv(new Blob(['a,b\n1,"open\n2,3\n']), (chunk) => {
			malformed.push(...(chunk.malformed ?? []));
		});
		expect(malformed).toEqual([1]);
	});
});

describe('sniffFormat', () => {
	it('tells commas from semicolons even with decimal commas', () => {
		expect(sniffFormat('a;b;c\n1,5;2;3\n4;5,25;6\n')).toEqual({
			delimiter: ';',
			newline: '\n',
			decimalComma: true
		});
		expect(sniffFormat('a,b,c\r\n1.5,2,3\r\n')).toEqual({
			delimiter: ',',
			newline: '\r\n',
			decimalComma: false
		});
	});
});
