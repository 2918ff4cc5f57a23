import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engine } from '../../tests/support/cli';
import { backtestWorkspace } from '../lib/engine/backtest';
import { toJson } from './commands/backtest';
import { generateSample } from '../lib/engine/sample';
import { fixture } from '../../tests/support/workspace';

let folder: string;
let sample: string;

beforeAll(async () => {
	folder = await mkdtemp(join(tmpdir(), 'scorecraft-backtest-'));
	sample = join(folder, 'sample.json');
	const written = await engine('sample', '--out', sample, '--accounts', '600');
	expect(written.code).toBe(0);
});

afterAll(async () => {
	await rm(folder, { recursive: true, force: true });
});

describe('engine backtest', () => {
	it('prints the figures the issue names as JSON, per scorecard and horizon', async () => {
		const { code, stdout } = await engine(
			'backtest',
			'--workspace',
			sample,
			'--horizon',
			'60',
			'--format',
			'json'
		);
		expect(code).toBe(0);
		const report = JSON.parse(stdout);
		expect(report).toMatchObject({ format: 'scorecraft-backtest', horizons: [60] });
		expect(report.results.map((result: { scorecard_id: string }) => result.scorecard_id)).toEqual([
			'scale',
			'enterprise-dream',
			'three-dimensions'
		]);
		const scale = report.results[0];
		for (const field of [
			'auc',
			'bands',
			'threshold',
			'precision',
			'recall',
			'false_positive_rate',
			'false_negative_rate',
			'measures'
		])
			expect(scale).toHaveProperty(field);
		expect(scale.threshold).toBe(40);
		expect(scale.auc_interval.low).toBeLessThan(scale.auc);
		expect(scale.auc_interval.high).toBeGreaterThan(scale.auc);
		expect(scale.bands.map((band: { name: string }) => band.name)).toEqual([
			'Red',
			'Orange',
			'Yellow',
			'Green'
		]);
		expect(scale.bands[0]).toEqual({
			name: 'Red',
			min: 0,
			accounts: expect.any(Number),
			churned: expect.any(Number),
			churn_rate: expect.any(Number)
		});
		expect(scale.measures.map((measure: { id: string }) => measure.id)).toEqual([
			'seat_penetration',
			'active_days'
		]);
		// The same figures as the engine's, on the same file.
		const engineSide = backtestWorkspace(generateSample({ accounts: 600 }), { horizons: [60] });
		const expected = engineSide.results[0]!;
		expect(scale.auc).toBe(expected.auc);
		expect(scale.recall).toBe(expected.atThreshold.recall);
		expect(scale.measures[1].auc).toBe(expected.measures[1]!.auc);
		const { true_positives: tp, false_negatives: fn } = scale.confusion;
		expect(tp + fn).toBe(scale.churned);
	});

	it('prints readable text by default, all three horizons', async () => {
		const { code, stdout } = await engine('backtest', '--workspace', sample);
		expect(code).toBe(0);
		expect(stdout).toContain('A low score predicts churn.');
		for (const horizon of [30, 60, 90])
			expect(stdout).toContain(`Scale segment (scale), ${horizon} days before the outcome`);
		expect(stdout).toMatch(/auc 0\.\d{3}/);
		expect(stdout).toMatch(/threshold 40: precision \S+ · recall \S+/);
	});

	it(
		'says what is wrong with its arguments, exit 2, or with its file, exit 1',
		{ timeout: 90_000 },
		async () => {
			expect(await engine('backtest')).toMatchObject({
				code: 2,
				stderr: expect.stringContaining('--workspace FILE is required')
			});
			expect(await engine('backtest', '--workspace', sample, '--horizon', 'soon')).toMatchObject({
				code: 2,
				stderr: expect.stringContaining('--horizon expects a number of days')
			});
			expect(await engine('backtest', '--workspace', sample, '--format', 'csv')).toMatchObject({
				code: 2,
				stderr: expect.stringContaining('--format expects text or json')
			});
			expect(await engine('backtest', '--workspace', sample, '--as-of', 'x')).toMatchObject({
				code: 2,
				stderr: expect.stringContaining('usage: engine backtest')
			});
			expect(await engine('backtest', '--workspace', join(folder, 'none.json'))).toMatchObject({
				code: 1,
				stderr: expect.stringContaining('no such file')
			});
		}
	);

	it(
		'adds calibrated probabilities with --calibration, every other field as it was',
		{ timeout: 90_000 },
		async () => {
			const { code, stdout } = await engine(
				'backtest',
				'--workspace',
				sample,
				'--horizon',
				'60',
				'--format',
				'json',
				'--calibration'
			);
			expect(code).toBe(0);
			const report = JSON.parse(stdout);
			const plain = JSON.parse(
				toJson(backtestWorkspace(generateSample({ accounts: 600 }), { horizons: [60] }))
			);
			const scale = report.results[0];
			for (const [key, value] of Object.entries(plain.results[0]))
				expect(scale[key], key).toEqual(value);
			expect(scale.brier).toBeGreaterThan(0);
			expect(scale.brier).toBeLessThan(scale.brier_linear_score);
			expect(scale.reliability.length).toBe(10);
			expect(scale.reliability[0]).toEqual({
				decile: 1,
				outcomes: expect.any(Number),
				churned: expect.any(Number),
				predicted: expect.any(Number),
				observed: expect.any(Number)
			});
			expect(scale.baseline_logistic_regression).toMatchObject({
				held_out_auc: expect.any(Number),
				held_out_brier: expect.any(Number)
			});
			expect(scale.accounts).toHaveLength(scale.scored);
			for (const account of scale.accounts) {
				expect(account).toMatchObject({
					account_id: expect.any(String),
					as_of: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
					probability: expect.any(Number)
				});
				expect(account.probability_low).toBeLessThanOrEqual(account.probability);
				expect(account.probability_high).toBeGreaterThanOrEqual(account.probability);
			}
			const text = await engine(
				'backtest',
				'--workspace',
				sample,
				'--horizon',
				'60',
				'--calibration'
			);
			expect(text.stdout).toMatch(
				/calibration \(.+\): held-out brier 0\.\d{3} · score read linearly/
			);
		}
	);

	it('has no AUC to give for a workspace without outcomes, and says so', async () => {
		const { code, stdout } = await engine(
			'backtest',
			'--workspace',
			fixture('example-workspace.json'),
			'--format',
			'json'
		);
		expect(code).toBe(0);
		const report = JSON.parse(stdout);
		expect(report.results[0]).toMatchObject({ scorecard_id: 'scale', outcomes: 0, auc: null });
	});
});
