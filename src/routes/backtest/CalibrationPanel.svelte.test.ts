import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { CalibrationView } from '$lib/state/backtest/protocol';
import CalibrationPanel from './CalibrationPanel.svelte';
import { TARGET } from './words';

function summary(): CalibrationView {
	return {
		ok: true,
		method: 'platt',
		brier: 0.1234,
		brierUncalibrated: 0.2346,
		baseline: {
			ok: true,
			auc: 0.8123,
			brier: 0.1111,
			lambda: 1,
			facts: ['arr'],
			columns: 1,
			heldOut: { outcomes: 200, churned: 40 }
		},
		reliability: [1, 2, 3].map((decile) => ({
			decile,
			outcomes: 20,
			churned: decile * 2,
			predicted: decile / 10,
			observed: decile / 10 + 0.01
		})),
		fit: {
			method: 'platt',
			isotonicShare: 0,
			platt: { intercept: 0, slope: 0 },
			isotonic: [],
			band: []
		},
		crossValidated: { platt: 0.12, isotonic: 0.13, chosen: 0.12 },
		train: { outcomes: 400, churned: 80 },
		heldOut: { outcomes: 200, churned: 40 }
	};
}

describe('CalibrationPanel', () => {
	it('shows the Brier scores beside the baseline, and the reliability per tenth', () => {
		render(CalibrationPanel, {
			calibration: { kind: 'done', value: summary() },
			horizon: 90,
			heldOutAuc: 0.75
		});
		const models = screen.getByRole('table', {
			name: 'Brier score and AUC on the held-out outcomes'
		});
		const calibrated = within(models).getByRole('row', { name: /This scorecard, calibrated/ });
		expect(calibrated).toHaveTextContent('0.123');
		expect(calibrated).toHaveTextContent('0.75');
		expect(within(models).getByRole('row', { name: /read linearly/ })).toHaveTextContent('0.235');
		const baseline = within(models).getByRole('row', { name: /the benchmark to beat/ });
		expect(baseline).toHaveTextContent('0.111');
		expect(baseline).toHaveTextContent('0.81');

		expect(screen.getByRole('img', { name: /Reliability diagram/ })).toBeInTheDocument();
		const bins = screen.getByRole('table', {
			name: 'Predicted against observed per tenth of the predictions'
		});
		expect(within(bins).getAllByRole('row')).toHaveLength(4);
		expect(within(bins).getByRole('row', { name: /^3/ })).toHaveTextContent('30');
	});

	it('speaks of not expanding for the expansion target', () => {
		render(CalibrationPanel, {
			props: { calibration: { kind: 'done', value: summary() }, horizon: 90, heldOutAuc: 0.75 },
			context: new Map([[TARGET, () => 'expansion']])
		});
		expect(screen.getByText(/probability of not expanding within 90 days/)).toBeInTheDocument();
		expect(screen.getByRole('columnheader', { name: 'Did not expand' })).toBeInTheDocument();
		expect(screen.queryByText(/churn/i)).toBeNull();
	});

	it('says when it is running, failed or had too few outcomes', () => {
		const { rerender } = render(CalibrationPanel, {
			calibration: { kind: 'running' },
			horizon: 90,
			heldOutAuc: null
		});
		expect(screen.getByRole('status')).toHaveTextContent('Calibrating…');
		rerender({ calibration: { kind: 'error', message: 'boom' } });
		expect(screen.getByRole('alert')).toHaveTextContent('The calibration failed: boom');
		rerender({ calibration: { kind: 'done', value: { ok: false, reason: 'too-few-outcomes' } } });
		expect(screen.getByText(/Too few outcomes to calibrate/)).toBeInTheDocument();
	});
});
