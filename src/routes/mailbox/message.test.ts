import { describe, expect, it } from 'vitest';
import { formatSentAt, previewDocument } from './message';

describe('previewDocument', () => {
	it('puts the base right after the head, whatever its attributes', () => {
		expect(
			previewDocument('<html><HEAD lang="en"><title>t</title></HEAD><body>x</body></html>')
		).toBe(
			'<html><HEAD lang="en"><base target="_blank"><title>t</title></HEAD><body>x</body></html>'
		);
	});

	it('does not take a <header> for the head, and puts the base first without one', () => {
		expect(previewDocument('<header>Hi</header>')).toBe(
			'<base target="_blank"><header>Hi</header>'
		);
	});
});

describe('formatSentAt', () => {
	it('shows an unreadable date as it is', () => {
		expect(formatSentAt('someday')).toBe('someday');
		expect(formatSentAt('2026-11-02T08:00:00.000Z')).toMatch(/2026/);
	});
});
