/** Small builders of workspace records, and scoring through both backends, for engine tests. */
import {
	parseWorkspace,
	scoreWorkspace,
	type Account,
	type Backend,
	type Measure,
	type Scorecard,
	type Snapshot
} from '../../src/lib/engine';
import { workspaceWith } from './workspace';

export const AS_OF = '2026-11-23';

export const account = (id: string, extra: Partial<Account> = {}): Account => ({
	id,
	name: id,
	segment: 'scale',
	...extra
});
export const snapshot = (
	accountId: string,
	metrics: Snapshot['metrics'],
	date = '2026-11-01'
): Snapshot => ({
	account_id: accountId,
	date,
	metrics
});
export const measure = (
	id: string,
	value: Measure['value'],
	scoring: Measure['scoring'],
	weight = 1
): Measure => ({
	id,
	name: id,
	weight,
	value,
	scoring
});
export const linear100: Measure['scoring'] = {
	type: 'linear',
	points: [
		[0, 0],
		[100, 100]
	]
};

export function card(groups: Scorecard['groups'], extra: Partial<Scorecard> = {}): Scorecard {
	return { id: 'card', name: 'Card', groups, ...extra };
}

/** Validates the records as a workspace, then scores it with the given backend. */
export function scoreWith(backend: Backend) {
	return (parts: Parameters<typeof workspaceWith>[0], asOf = AS_OF) => {
		const parsed = parseWorkspace(workspaceWith(parts));
		if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
		return scoreWorkspace(parsed.value, asOf, { backend });
	};
}
