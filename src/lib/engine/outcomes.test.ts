import { describe, expect, it } from 'vitest';
import { churnedBy } from './outcomes';

describe('churnedBy', () => {
	const outcomes = [
		{ account_id: 'gone', date: '2026-03-01', type: 'churned' as const },
		{ account_id: 'later', date: '2026-12-01', type: 'churned' as const },
		{ account_id: 'back', date: '2025-06-01', type: 'churned' as const },
		{ account_id: 'back', date: '2026-06-01', type: 'renewed' as const },
		{ account_id: 'kept', date: '2026-02-01', type: 'renewed' as const }
	];

	it('lists accounts whose latest outcome by the date is a churn', () => {
		expect(churnedBy(outcomes, '2026-11-23')).toEqual(new Map([['gone', '2026-03-01']]));
	});

	it('ignores outcomes after the date', () => {
		expect([...churnedBy(outcomes, '2026-12-01').keys()].sort()).toEqual(['gone', 'later']);
		expect([...churnedBy(outcomes, '2026-01-01').keys()].sort()).toEqual(['back']);
	});
});
