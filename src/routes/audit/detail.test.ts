import { expect, it } from 'vitest';
import { detailText } from './detail';

it('writes a detail as key: value pairs, text as it is and the rest as JSON', () => {
	expect(detailText({ role: 'ops', from: 'viewer' })).toBe('role: ops, from: viewer');
	expect(detailText({ count: 3, ok: true, ids: ['a', 'b'], none: null })).toBe(
		'count: 3, ok: true, ids: ["a","b"], none: null'
	);
	expect(detailText({})).toBe('');
	expect(detailText(null)).toBe('');
});
