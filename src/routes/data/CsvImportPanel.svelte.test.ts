import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { IMPORT_KINDS } from '$lib/import/upload';
import { CsvImport } from './csv-import.svelte';
import CsvImportPanel from './CsvImportPanel.svelte';

describe('the CSV import panel', () => {
	it('offers every kind of file the server imports, in its order, and takes the one chosen', async () => {
		const importer = new CsvImport();
		render(CsvImportPanel, { importer });
		const kinds = screen.getAllByRole<HTMLInputElement>('radio');
		expect(kinds.map((kind) => kind.value)).toEqual(IMPORT_KINDS);
		expect(screen.getByRole('radio', { checked: true })).toHaveAttribute('value', 'snapshots');
		await userEvent.setup().click(kinds[IMPORT_KINDS.indexOf('manual_entries')]!);
		expect(importer.kind).toBe('manual_entries');
		expect(screen.getByRole('radio', { checked: true })).toHaveAttribute('value', 'manual_entries');
	});
});
