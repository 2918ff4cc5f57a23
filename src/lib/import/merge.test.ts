import { describe, expect, it } from 'vitest';
import type { Snapshot } from '$lib/engine';
import { MERGES, mergeRecords } from './merge';

const snapshot = (date: string, metrics: Snapshot['metrics']): Snapshot => ({
	account_id: 'acme',
	date,
	metrics
});

describe('mergeRecords', () => {
	it('adds new keys, merges held ones, and leaves out what the merge does not change', () => {
		const stored = new Map([
			['held', snapshot('2026-01-05', { seats: 1, nps: 30 })],
			['same', snapshot('2026-01-12', { seats: 2 })]
		]);
		const incoming = [
			{ id: 'held', record: snapshot('2026-01-05', { nps: 40 }) },
			{ id: 'same', record: snapshot('2026-01-12', { seats: 2 }) },
			{ id: 'new', record: snapshot('2026-01-19', { seats: 3 }) }
		];
		const before = structuredClone({ stored: [...stored], incoming });
		const merged = mergeRecords(incoming, stored, MERGES.snapshots);
		expect(merged.count).toEqual({ added: 1, updated: 1, unchanged: 1 });
		expect(merged.changed).toEqual([
			{ id: 'held', record: snapshot('2026-01-05', { seats: 1, nps: 40 }) },
			{ id: 'new', record: snapshot('2026-01-19', { seats: 3 }) }
		]);
		// Nothing given is changed.
		expect({ stored: [...stored], incoming }).toEqual(before);
	});

	it('merges a key given twice in the order given, and counts it once', () => {
		const merged = mergeRecords(
			[
				{ id: 'k', record: snapshot('2026-01-05', { x: 1, y: 1 }) },
				{ id: 'k', record: snapshot('2026-01-05', { y: 2 }) }
			],
			new Map(),
			MERGES.snapshots
		);
		expect(merged.count).toEqual({ added: 1, updated: 0, unchanged: 0 });
		expect(merged.changed).toEqual([{ id: 'k', record: snapshot('2026-01-05', { x: 1, y: 2 }) }]);
	});

	it('keeps a held value where the import has none, and merges facts name by name', () => {
		const held = {
			id: 'acme',
			name: 'Acme',
			segment: 'scale',
			csm: 'kim@vendor.example',
			facts: { seats_purchased: 20, region: 'EMEA' }
		};
		const merged = MERGES.accounts(held, {
			id: 'acme',
			name: 'Acme Ltd',
			segment: 'scale',
			csm: undefined,
			facts: { region: 'APAC' }
		});
		expect(merged).toEqual({
			...held,
			name: 'Acme Ltd',
			facts: { seats_purchased: 20, region: 'APAC' }
		});
	});
});
