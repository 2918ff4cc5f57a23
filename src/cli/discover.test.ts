import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engine } from '../../tests/support/cli';
import { parseWorkspace } from '../lib/engine';

let folder: string;
let sample: string;

beforeAll(async () => {
	folder = await mkdtemp(join(tmpdir(), 'scorecraft-discover-'));
	sample = join(folder, 'sample.json');
	const written = await engine('sample', '--out', sample, '--accounts', '600');
	expect(written.code).toBe(0);
});

afterAll(async () => {
	await rm(folder, { recursive: true, force: true });
});

describe('engine discover', () => {
	it('prints the path and a draft scorecard the workspace accepts, as JSON', async () => {
		const { code, stdout } = await engine(
			'discover',
			'--workspace',
			sample,
			'--horizon',
			'60',
			'--format',
			'json'
		);
		expect(code).toBe(0);
		const result = JSON.parse(stdout);
		expect(result).toMatchObject({
			format: 'scorecraft-discovery',
			target: 'churn',
			horizon: 60,
			start: 'scorecard',
			base_scorecard_id: 'scale',
			held_out: {
				before: expect.any(Number),
				after: expect.any(Number),
				accounts: expect.any(Number),
				events: expect.any(Number)
			}
		});
		expect(result.steps[0]).toEqual({
			action: 'start',
			measure_id: null,
			fact: null,
			cross_validated_auc: expect.any(Number),
			held_out_auc: result.held_out.before,
			train_auc: expect.any(Number),
			measures: 2
		});
		expect(result.steps.at(-1).held_out_auc).toBe(result.held_out.after);
		expect(result.scorecard).toMatchObject({ id: 'scale-discovered', status: 'draft' });
		const workspace = JSON.parse(await readFile(sample, 'utf8'));
		workspace.scorecards.push(result.scorecard);
		const parsed = parseWorkspace(workspace);
		expect(parsed.ok ? [] : parsed.errors).toEqual([]);
	});

	it('prints readable text by default, for expansion too', async () => {
		const { code, stdout } = await engine(
			'discover',
			'--workspace',
			sample,
			'--target',
			'expansion'
		);
		expect(code).toBe(0);
		expect(stdout).toContain('Discovery for expansion, 90 days before each outcome');
		expect(stdout).toMatch(/held-out auc 0\.\d{3} → 0\.\d{3}/);
		expect(stdout).toContain(
			'Scale segment (discovered for expansion) (scale-expansion-discovered), draft:'
		);
		expect(stdout).toMatch(/Seat penetration \(seat_penetration\) \d+ %: ≥ 0\.8 → 95/);
	});

	it('names a bad argument, exit 2', async () => {
		const cases: [string[], string][] = [
			[[], '--workspace FILE is required'],
			[['--workspace', sample, '--target', 'growth'], '--target expects churn or expansion'],
			[['--workspace', sample, '--horizon', 'soon'], '--horizon expects a number of days'],
			[['--workspace', sample, '--format', 'csv'], '--format expects text or json'],
			[['--workspace', sample, '--scorecard', 'scale'], 'usage: engine discover']
		];
		const results = await Promise.all(cases.map(([args]) => engine('discover', ...args)));
		results.forEach((result, i) =>
			expect(result).toMatchObject({ code: 2, stderr: expect.stringContaining(cases[i]![1]) })
		);
	});
});
