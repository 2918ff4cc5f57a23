import { describe, expect, it } from 'vitest';
import { extraKind, FIELDS, fieldSpec, KEY_FIELDS, takesFreeColumns } from './fields';
import type { ImportKind } from './types';

const KINDS = Object.keys(FIELDS) as ImportKind[];

describe('the fields of each kind', () => {
	it('names each field once, and makes every key field required (a row without one is refused)', () => {
		for (const kind of KINDS) {
			const names = FIELDS[kind].map((spec) => spec.field);
			expect(new Set(names).size, kind).toBe(names.length);
			for (const field of KEY_FIELDS[kind])
				expect(fieldSpec(kind, field)?.required, kind).toBe(true);
		}
	});

	it('says what free columns become, and which kinds take them', () => {
		expect(KINDS.filter(takesFreeColumns)).toEqual(['accounts', 'contacts', 'snapshots']);
		expect(extraKind('accounts')).toBe('facts');
		expect(extraKind('snapshots')).toBe('metrics');
		expect(fieldSpec('accounts', 'facts')).toBeUndefined();
	});
});
