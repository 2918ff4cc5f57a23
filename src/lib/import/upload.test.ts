import { describe, expect, it } from 'vitest';
import { guessMapping } from './mapping';
import {
	IMPORT_MAX_BYTES,
	importPath,
	ImportUploadError,
	parseImportQuery,
	uploadCsv,
	type ImportAnswer
} from './upload';
import type { CsvFormat } from './types';

const mapping = guessMapping('snapshots', ['Account ID', 'Week', 'NPS']);
const format: CsvFormat = { delimiter: ';', newline: '\r\n', decimalComma: true };

describe('the import request', () => {
	it('carries the mapping and format in its query, read back as sent', () => {
		const path = importPath('snapshots', mapping, format);
		const url = new URL(path, 'http://app.local');
		expect(url.pathname).toBe('/api/import/snapshots');
		expect(parseImportQuery('snapshots', url.searchParams)).toEqual({
			ok: true,
			kind: 'snapshots',
			mapping,
			format
		});
	});

	it('carries the words an outcome column means, and refuses a word mapped to no outcome', () => {
		const outcomes = guessMapping('outcomes', ['Account', 'Date', 'Stage']);
		outcomes[2]!.values = { closedwon: 'expanded' };
		const url = new URL(importPath('outcomes', outcomes, format), 'http://app.local');
		const parsed = parseImportQuery('outcomes', url.searchParams);
		expect(parsed).toMatchObject({ ok: true, kind: 'outcomes' });
		expect(parsed.ok && { ...parsed.mapping[2]!.values }).toEqual({ closedwon: 'expanded' });

		outcomes[2]!.values = { closedwon: 'won' as 'renewed' };
		const bad = new URL(importPath('outcomes', outcomes, format), 'http://app.local');
		expect(parseImportQuery('outcomes', bad.searchParams)).toEqual({
			ok: false,
			error: 'mapping[2].values: expected words each mapped to churned, renewed, expanded, downsold'
		});
	});

	it('names what is wrong with a query', () => {
		const query = (values: Record<string, string>) => new URLSearchParams(values);
		const good = { mapping: JSON.stringify(mapping), format: JSON.stringify(format) };
		expect(parseImportQuery('tasks', query(good))).toMatchObject({
			ok: false,
			error: expect.stringMatching(/^no import of "tasks"/)
		});
		expect(parseImportQuery('accounts', query({ format: good.format }))).toEqual({
			ok: false,
			error: 'mapping: missing (expected JSON in the query, or a form field before the file)'
		});
		expect(parseImportQuery('accounts', query({ ...good, mapping: '[{"header":1}]' }))).toEqual({
			ok: false,
			error: 'mapping[0]: expected {header, target, name, type}'
		});
		expect(parseImportQuery('accounts', query({ ...good, format: '{' }))).toEqual({
			ok: false,
			error: 'format: not JSON'
		});
	});
});

describe('uploadCsv', () => {
	const answer: ImportAnswer = {
		revision: 7,
		summary: {
			accounts: { added: 0, updated: 0, unchanged: 0 },
			contacts: { added: 0, updated: 0, unchanged: 0 },
			snapshots: { added: 1, updated: 0, unchanged: 0 },
			outcomes: { added: 0, updated: 0, unchanged: 0 },
			manual_entries: { added: 0, updated: 0, unchanged: 0 },
			survey_answers: { added: 0, updated: 0, unchanged: 0 }
		},
		check: { rows: 1, validRows: 1, invalidRows: 0, blankRows: 0, errors: 0 },
		errors: []
	};
	const file = new Blob(['Account ID;Week;NPS\r\nacme;2026-01-05;40\r\n']);

	it('posts a form, the mapping and format before the file, and resolves with the answer', async () => {
		const sent: { url: string; init: RequestInit }[] = [];
		const got = await uploadCsv({ file, kind: 'snapshots', mapping, format }, async (url, init) => {
			sent.push({ url: String(url), init: init! });
			return Response.json(answer);
		});
		expect(got).toEqual(answer);
		expect(sent.map(({ url, init }) => [url, init.method])).toEqual([
			['/api/import/snapshots', 'POST']
		]);
		const form = sent[0]!.init.body as FormData;
		expect([...form.keys()]).toEqual(['mapping', 'format', 'file']);
		expect(
			parseImportQuery(
				'snapshots',
				new URLSearchParams([...form].slice(0, 2) as [string, string][])
			)
		).toEqual({
			ok: true,
			kind: 'snapshots',
			mapping,
			format
		});
		expect(await (form.get('file') as File).text()).toBe(await file.text());
	});

	it("rejects with the server's reason and status, and refuses a file too large before sending it", async () => {
		const refused = uploadCsv({ file, kind: 'snapshots', mapping, format }, async () =>
			Response.json({ error: 'changing snapshots takes the leader or ops role' }, { status: 403 })
		);
		await expect(refused).rejects.toEqual(
			new ImportUploadError('changing snapshots takes the leader or ops role', 403)
		);
		await expect(refused).rejects.toMatchObject({ status: 403 });
		let called = false;
		const huge = { size: IMPORT_MAX_BYTES + 1 } as Blob;
		await expect(
			uploadCsv({ file: huge, kind: 'snapshots', mapping, format }, async () => {
				called = true;
				return Response.json(answer);
			})
		).rejects.toMatchObject({ status: 413 });
		expect(called).toBe(false);
	});
});
