/** The preview tests' small workspace and scorecard, and a preview that fails loudly. */
import type { ManualEntry, Scorecard } from '$lib/engine';
import { account, measure, snapshot } from '../../../../tests/support/builders';
import { workspaceWith } from '../../../../tests/support/workspace';
import type { PreviewModel } from './preview';
import type { PreviewResult } from './types';

/** Five scale accounts with usage 10, 30, 50, 70, 90 and one mid account with 95. */
export function usageWorkspace(extra: { manual_entries?: ManualEntry[] } = {}) {
	const usage = { a: 10, b: 30, c: 50, d: 70, e: 90, f: 95 };
	return workspaceWith({
		accounts: Object.keys(usage).map((id) =>
			account(id, { name: `Account ${id.toUpperCase()}`, segment: id === 'f' ? 'mid' : 'scale' })
		),
		snapshots: Object.entries(usage).map(([id, value]) => snapshot(id, { usage: value })),
		...extra
	});
}

/** Usage scored by steps: ≥ `green` → 90, ≥ 40 → 50, else 10; default bands. */
export function usageCard(green: number, extra: Partial<Scorecard> = {}): Scorecard {
	return {
		id: 'scale',
		name: 'Scale',
		applies_to: { '==': [{ var: 'segment' }, 'scale'] },
		groups: [
			{
				id: 'adoption',
				name: 'Adoption',
				measures: [
					measure(
						'usage',
						{ var: 'usage' },
						{
							type: 'steps',
							steps: [
								{ min: green, score: 90 },
								{ min: 40, score: 50 }
							],
							else: 10
						}
					)
				]
			}
		],
		...extra
	};
}

export function preview(
	model: PreviewModel,
	draft: Scorecard,
	published: Scorecard | null,
	scorecards?: Scorecard[]
): PreviewResult {
	const outcome = model.preview(draft, published, { scorecards });
	if (!outcome.ok) throw new Error(JSON.stringify(outcome));
	return outcome.result;
}
