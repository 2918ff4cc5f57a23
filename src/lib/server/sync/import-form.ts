/**
 * An import sent as a form (`multipart/form-data`: the fields `mapping` and `format`, then the part
 * `file`), as the Data page sends it: a file of hundreds of columns has a mapping too long for a
 * request's query (the server takes 16 KB of request line and headers). The file part is read as
 * it arrives, like a `text/csv` body; the fields must come before it, as a browser's `FormData`
 * sends them in the order they were added.
 */
import { Readable } from 'node:stream';
import busboy from 'busboy';

export type ImportForm =
	| { ok: true; fields: URLSearchParams; file: ReadableStream<Uint8Array> }
	| { ok: false; error: string };

const FIELD_NAMES = ['mapping', 'format'];

export const isForm = (request: Request) =>
	(request.headers.get('content-type') ?? '').toLowerCase().startsWith('multipart/form-data');

/** The fields before the part `file`, and that part as a stream; an error names what is missing. */
export function readImportForm(request: Request): Promise<ImportForm> {
	const body = request.body;
	if (!body) return Promise.resolve({ ok: false, error: 'expected a form with the file' });
	let parser: busboy.Busboy;
	try {
		parser = busboy({
			headers: { 'content-type': request.headers.get('content-type') ?? '' },
			limits: { fields: FIELD_NAMES.length, fieldSize: 4 << 20, files: 1, parts: 3 }
		});
	} catch (error) {
		return Promise.resolve({
			ok: false,
			error: `the form cannot be read: ${(error as Error).message}`
		});
	}
	const source = Readable.fromWeb(body as import('node:stream/web').ReadableStream<Uint8Array>);
	return new Promise<ImportForm>((resolve) => {
		const fields = new URLSearchParams();
		let answered = false;
		let file: Readable | undefined;
		// After the file part is handed on, a broken form or connection ends its stream with the error.
		const fail = (error: Error) => {
			file?.destroy(error);
			answer({ ok: false, error: `the form cannot be read: ${error.message}` });
		};
		const answer = (form: ImportForm) => {
			if (answered) return;
			answered = true;
			resolve(form);
		};
		parser.on('field', (name, value, info) => {
			if (!FIELD_NAMES.includes(name)) return;
			if (info.valueTruncated) answer({ ok: false, error: `${name}: longer than the form takes` });
			fields.set(name, value);
		});
		parser.on('file', (name, stream) => {
			if (name !== 'file' || answered) {
				stream.resume();
				return;
			}
			file = stream;
			answer({ ok: true, fields, file: Readable.toWeb(stream) as ReadableStream<Uint8Array> });
		});
		parser.on('error', (error) => fail(error as Error));
		parser.on('close', () =>
			answer({ ok: false, error: 'expected the part file after mapping and format' })
		);
		source.on('error', fail);
		source.pipe(parser);
	});
}
