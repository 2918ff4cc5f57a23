import { describe, expect, it } from 'vitest';
import { availablePlaceholders } from './placeholders';
import type { MailContext } from './types';

describe('availablePlaceholders', () => {
	it('lists every path with its value, and a list by its count for the page to word', () => {
		const context = {
			account: { name: 'Acme', arr: 1200 },
			resources: [{ title: 'Guide' }, { title: 'Video' }],
			tags: []
		} as unknown as MailContext;
		expect(availablePlaceholders(context)).toEqual([
			{ path: 'account.name', value: 'Acme' },
			{ path: 'account.arr', value: '1200' },
			{ path: 'resources', value: '', items: 2 },
			{ path: 'resources[0].title', value: 'Guide' },
			{ path: 'tags', value: '', items: 0 }
		]);
	});
});
