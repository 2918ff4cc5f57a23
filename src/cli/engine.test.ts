import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engine } from '../../tests/support/cli';
import { fixture } from '../../tests/support/workspace';

let folder: string;

beforeAll(async () => {
	folder = await mkdtemp(join(tmpdir(), 'scorecraft-cli-'));
});

afterAll(async () => {
	await rm(folder, { recursive: true, force: true });
});

describe('engine score', () => {
	it('prints the example workspace’s scores as the issue states, as JSON', async () => {
		const { code, stdout } = await engine(
			'score',
			'--workspace',
			fixture('example-workspace.json'),
			'--as-of',
			'2026-11-23'
		);
		expect(code).toBe(0);
		expect(JSON.parse(stdout)).toEqual([
			{
				account_id: 'acme',
				scorecard_id: 'scale',
				overall: 90,
				band: 'Green',
				groups: { deployment: 95, adoption: 85 },
				measures: {
					seat_penetration: { value: 0.9, score: 95 },
					active_days: { value: 16, score: 85 }
				},
				missing: []
			},
			{
				account_id: 'globex',
				scorecard_id: 'scale',
				overall: 40,
				band: 'Orange',
				groups: { deployment: 60, adoption: 20 },
				measures: {
					seat_penetration: { value: 0.4, score: 60 },
					active_days: { value: 2, score: 20 }
				},
				missing: []
			}
		]);
	});

	it('prints CSV with a column per group', async () => {
		const { code, stdout } = await engine(
			'score',
			'--workspace',
			fixture('example-workspace.json'),
			'--as-of',
			'2026-11-23',
			'--format',
			'csv'
		);
		expect(code).toBe(0);
		expect(stdout).toBe(
			'account_id,scorecard_id,overall,band,deployment,adoption,missing\nacme,scale,90,Green,95,85,\nglobex,scale,40,Orange,60,20,\n'
		);
	});

	it('refuses an invalid workspace with the path of each problem, on stderr, exit 1', async () => {
		const workspace = JSON.parse(await readFile(fixture('example-workspace.json'), 'utf8'));
		workspace.scorecards[0].groups[1].measures[0].scoring.type = 'curve';
		workspace.scorecards[0].applies_to = { frobnicate: [] };
		const file = join(folder, 'bad.json');
		await writeFile(file, JSON.stringify(workspace));
		const { code, stdout, stderr } = await engine('score', '--workspace', file);
		expect(code).toBe(1);
		expect(stdout).toBe('');
		expect(stderr).toContain(
			'scorecards[0].groups[1].measures[0].scoring.type: expected one of steps, linear, map, logic'
		);
		expect(stderr).toContain(
			'scorecards[0].applies_to.frobnicate: unknown JSON-logic operator "frobnicate"'
		);
	});

	it(
		'says what is wrong with its arguments or its file, exit 2 and 1',
		{ timeout: 90_000 },
		async () => {
			expect(await engine('score')).toMatchObject({
				code: 2,
				stderr: expect.stringContaining('--workspace FILE is required')
			});
			expect(await engine('score', '--workspace', 'x.json', '--as-of', '2026-13-01')).toMatchObject(
				{
					code: 2,
					stderr: expect.stringContaining('--as-of expects a date')
				}
			);
			expect(await engine('score', '--workspace', join(folder, 'none.json'))).toMatchObject({
				code: 1,
				stderr: expect.stringContaining('no such file')
			});
			expect(await engine('frobnicate')).toMatchObject({
				code: 2,
				stderr: expect.stringContaining('unknown command')
			});
		}
	);
});

describe('engine sample', () => {
	it('writes the same workspace for the same seed, and a valid one that scores', async () => {
		const [a, b, c] = ['a.json', 'b.json', 'c.json'].map((name) => join(folder, name)) as [
			string,
			string,
			string
		];
		for (const [file, seed] of [
			[a, '5'],
			[b, '5'],
			[c, '6']
		] as const) {
			const { code, stdout } = await engine(
				'sample',
				'--out',
				file,
				'--seed',
				seed,
				'--accounts',
				'150',
				'--weeks',
				'8'
			);
			expect(code).toBe(0);
			expect(stdout).toMatch(/^wrote .*: 150 accounts/);
		}
		const [textA, textB, textC] = await Promise.all(
			[a, b, c].map((file) => readFile(file, 'utf8'))
		);
		expect(textA).toBe(textB);
		expect(textA).not.toBe(textC);
		const { code, stdout } = await engine('score', '--workspace', a, '--as-of', '2026-11-23');
		expect(code).toBe(0);
		const scores = JSON.parse(stdout) as { overall: number | null; scorecard_id: string | null }[];
		expect(scores).toHaveLength(150);
		expect(scores.filter((score) => score.overall !== null).length).toBeGreaterThan(140);
	});

	it('tells the sample for a Japanese team with --language ja, and refuses a language it has not', async () => {
		const file = join(folder, 'ja.json');
		const made = await engine(
			'sample',
			'--out',
			file,
			'--accounts',
			'20',
			'--weeks',
			'4',
			'--language',
			'ja'
		);
		expect(made.code).toBe(0);
		const workspace = JSON.parse(await readFile(file, 'utf8'));
		expect(workspace.settings.currency).toBe('JPY');
		expect(workspace.accounts[0].name).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
		const refused = await engine('sample', '--out', file, '--language', 'fr');
		expect(refused.code).toBe(2);
		expect(refused.stderr).toContain('--language expects en or ja, got "fr"');
	});
});
