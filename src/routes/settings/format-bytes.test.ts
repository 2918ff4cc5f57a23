import { describe, expect, it } from 'vitest';
import { formatBytes } from './format-bytes';

describe('formatBytes', () => {
	it('picks the unit that keeps the number readable', () => {
		expect(formatBytes(0)).toBe('0 bytes');
		expect(formatBytes(999)).toBe('999 bytes');
		expect(formatBytes(1_500)).toBe('1.5 kB');
		expect(formatBytes(42_300_000)).toBe('42 MB');
		expect(formatBytes(296_000_000_000)).toBe('296 GB');
	});
});
