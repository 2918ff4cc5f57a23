/**
 * Input an attacker would try, through the command line as a user runs it: each gets a message
 * naming what is wrong (its path, flag or value) and an exit status, never a stack trace.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engine } from '../../tests/support/cli';
import type { Logic, Workspace } from '../lib/engine';
import { fixture } from '../../tests/support/workspace';

let folder: string;

beforeAll(async () => {
	folder = await mkdtemp(join(tmpdir(), 'scorecraft-bad-input-'));
});

afterAll(async () => {
	await rm(folder, { recursive: true, force: true });
});

/** The example workspace with `edit` made, written to a file of its own; its path. */
async function workspaceFile(name: string, edit: (workspace: Workspace) => void): Promise<string> {
	const workspace = JSON.parse(await readFile(fixture('example-workspace.json'), 'utf8'));
	edit(workspace);
	const file = join(folder, name);
	await writeFile(file, JSON.stringify(workspace));
	return file;
}

/** A refusal as the user sees it: the message, and nothing of the program's insides. */
function expectRefusal(result: { code: number; stdout: string; stderr: string }, code = 1) {
	expect(result.code).toBe(code);
	expect(result.stdout).toBe('');
	expect(result.stderr).not.toMatch(/RangeError|\n\s+at /);
}

describe('engine commands refuse bad input with a message, never a stack trace', () => {
	it('a rule nested 1,000 deep, in score, plan and backtest', async () => {
		let deep: Logic = { var: 'seats_active' };
		for (let i = 0; i < 1000; i++) deep = { '+': [deep, 0] };
		const file = await workspaceFile('deep.json', (w) => {
			w.scorecards[0]!.groups[0]!.measures[0]!.value = deep;
		});
		for (const command of ['score', 'plan', 'backtest']) {
			const result = await engine(command, '--workspace', file);
			expectRefusal(result);
			expect(result.stderr).toContain(
				'scorecards[0].groups[0].measures[0].value: nested deeper than 64 levels'
			);
		}
	});

	it('a rule with a list of 500,000 items', async () => {
		const file = await workspaceFile('long.json', (w) => {
			w.scorecards[0]!.applies_to = { max: Array.from({ length: 500_000 }, (_, i) => i) };
		});
		const result = await engine('score', '--workspace', file, '--as-of', '2026-11-23');
		expectRefusal(result);
		expect(result.stderr).toContain(
			'scorecards[0].applies_to.max: a list of 500000 items: at most 10000 are allowed in a rule'
		);
	});

	it('a date-time or a date that does not exist, in the file or a flag', async () => {
		const file = await workspaceFile('date.json', (w) => {
			w.contacts[0]!.last_seen = '2026-02-30T10:00:00Z';
		});
		const result = await engine('plan', '--workspace', file, '--as-of', '2026-11-23');
		expectRefusal(result);
		expect(result.stderr).toContain('contacts[0].last_seen: no such date: "2026-02-30T10:00:00Z"');
		const flag = await engine('score', '--workspace', file, '--as-of', '2026-02-30');
		expectRefusal(flag, 2);
		expect(flag.stderr).toContain('--as-of expects a date as YYYY-MM-DD, got "2026-02-30"');
	});

	it('group weights of 1e308', async () => {
		const file = await workspaceFile('weights.json', (w) => {
			for (const group of w.scorecards[0]!.groups) group.weight = 1e308;
		});
		const result = await engine('score', '--workspace', file, '--as-of', '2026-11-23');
		expectRefusal(result);
		expect(result.stderr).toContain('scorecards[0].groups[0].weight: expected <= 1000000');
	});

	it('a sample of a billion accounts, at once', async () => {
		const out = join(folder, 'sample.json');
		const result = await engine('sample', '--out', out, '--accounts', '1000000000');
		expectRefusal(result, 2);
		expect(result.stderr).toContain(
			'--accounts expects a whole number from 1 to 100000, got "1000000000"'
		);
		const weeks = await engine('sample', '--out', out, '--accounts', '50000', '--weeks', '52');
		expectRefusal(weeks, 2);
		expect(weeks.stderr).toContain('50000 accounts over 52 weeks make 2600000 weekly snapshots');
	});
});

describe('CSV output', () => {
	it('neutralises cells a spreadsheet would run as formulas, and keeps numbers numeric', async () => {
		const file = await workspaceFile('formula.json', (w) => {
			const ids = ['=HYPERLINK("http://evil.example","Open")', '-globex'];
			for (const list of [w.accounts, w.contacts, w.snapshots] as const)
				list.forEach((record, i) => {
					if ('account_id' in record) record.account_id = ids[i]!;
					else record.id = ids[i]!;
				});
		});
		const { code, stdout } = await engine(
			'score',
			'--workspace',
			file,
			'--as-of',
			'2026-11-23',
			'--format',
			'csv'
		);
		expect(code).toBe(0);
		expect(stdout).toBe(
			'account_id,scorecard_id,overall,band,deployment,adoption,missing\n' +
				`"'=HYPERLINK(""http://evil.example"",""Open"")",scale,90,Green,95,85,\n` +
				`'-globex,scale,40,Orange,60,20,\n`
		);
	});
});
