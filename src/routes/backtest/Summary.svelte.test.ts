import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { backtestWorkspace, type ScorecardBacktest } from '$lib/engine/backtest';
import { generateSample } from '$lib/engine/sample/generate';
import Summary from './Summary.svelte';
import { TARGET } from './words';

/** The Scale scorecard's backtest on a sample of `accounts`: few accounts, few churned. */
function backtestOf(accounts: number): ScorecardBacktest {
	return backtestWorkspace(generateSample({ accounts }), { horizons: [90] }).results[0]!;
}

describe('the backtest summary', () => {
	it('gives the AUC its 95 % interval, and says how rough a guess it is with few churned', () => {
		const result = backtestOf(200);
		expect(result.churned).toBeLessThan(30);
		render(Summary, { props: { result } });
		const { low, high } = result.aucInterval!;
		const range = `${low.toFixed(2)}–${high.toFixed(2)}`;
		expect(screen.getByText(`95 % interval ${range}`)).toBeTruthy();
		expect(screen.getByRole('note').textContent).toMatch(
			new RegExp(
				`^Only ${result.churned} accounts churned: .* from ${low.toFixed(2)} to ${high.toFixed(2)}`
			)
		);
	});

	it('says nothing of uncertainty with 30 churned or more, and speaks of expansion for that target', () => {
		const result = backtestOf(1200);
		expect(result.churned).toBeGreaterThanOrEqual(30);
		render(Summary, { props: { result } });
		expect(screen.queryByRole('note')).toBeNull();

		const few = backtestOf(200);
		render(Summary, {
			props: { result: few },
			context: new Map([[TARGET, () => 'expansion']])
		});
		expect(screen.getByRole('note').textContent).toMatch(/did not expand/);
	});
});
