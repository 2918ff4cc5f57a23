/** `engine plan` as a user runs it: the example workspace's plan, JSON and CSV, and an outbox as history. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engine } from '../../tests/support/cli';
import { exampleWorkspace, fixture } from '../../tests/support/workspace';

let folder: string;

beforeAll(async () => {
	folder = await mkdtemp(join(tmpdir(), 'scorecraft-plan-'));
});

afterAll(async () => {
	await rm(folder, { recursive: true, force: true });
});

describe('engine plan', () => {
	it('prints the plan entries with their fields, as JSON and as CSV, and a run kept in the outbox stops a repeat', async () => {
		const file = fixture('example-workspace.json');
		const json = await engine('plan', '--workspace', file, '--as-of', '2026-11-02');
		expect(json.code).toBe(0);
		const entries = JSON.parse(json.stdout);
		expect(entries).toHaveLength(1);
		expect(Object.keys(entries[0]).slice(0, 7)).toEqual([
			'play_id',
			'account_id',
			'action',
			'recipient',
			'key',
			'status',
			'reason'
		]);
		expect(entries[0]).toMatchObject({
			play_id: 'scale-training',
			account_id: 'globex',
			action: 'email',
			recipient: 'bo@globex.example',
			status: 'planned',
			reason: expect.stringContaining('score.groups.adoption < 60')
		});

		const csv = await engine(
			'plan',
			'--workspace',
			file,
			'--as-of',
			'2026-11-02',
			'--format',
			'csv'
		);
		const lines = csv.stdout.trim().split('\n');
		expect(lines[0]).toBe('play_id,account_id,action,recipient,key,status,reason,suppression');
		expect(lines[1]).toContain(`,${entries[0].key},planned,`);

		// The same plan kept in the workspace's outbox: the entry is in its cooldown now.
		const workspace = exampleWorkspace();
		workspace.outbox = [
			{
				...entries[0],
				suppression: undefined,
				action_index: 0,
				conditions: [],
				mode: 'auto',
				detail: { type: 'email' },
				status: 'sent',
				created_at: '2026-11-02T06:00:00Z',
				updated_at: '2026-11-02T06:00:00Z',
				attempts: 1
			}
		];
		const withOutbox = join(folder, 'with-outbox.json');
		await writeFile(withOutbox, JSON.stringify(workspace));
		const again = JSON.parse(
			(await engine('plan', '--workspace', withOutbox, '--as-of', '2026-11-03')).stdout
		);
		expect(
			again.map((e: { status: string; suppression: string }) => [e.status, e.suppression])
		).toEqual([['suppressed', 'cooldown']]);
	});

	it('plans nothing on a missing score, and warns of a play reading a group that accounts lack', async () => {
		const workspace = exampleWorkspace();
		const scale = workspace.scorecards[0]!;
		workspace.plays[0]!.when = { '<': [{ var: 'score.groups.adoption' }, 60] };
		// Hooli has no usage data: its Adoption is missing, and json-logic-js would read it as 0.
		workspace.accounts.push(
			{ id: 'hooli', name: 'Hooli', segment: 'scale', facts: { seats_purchased: 10 } },
			{ id: 'umbrella', name: 'Umbrella', segment: 'mid', facts: { seats_purchased: 10 } }
		);
		workspace.contacts.push(
			{ id: 'h1', account_id: 'hooli', email: 'h1@hooli.example' },
			{ id: 'u1', account_id: 'umbrella', email: 'u1@umbrella.example' }
		);
		workspace.snapshots.push(
			{ account_id: 'hooli', date: '2026-11-01', metrics: { seats_active: 5 } },
			{ account_id: 'umbrella', date: '2026-11-01', metrics: { seats_active: 5 } }
		);
		// Umbrella's scorecard has Deployment only: no Adoption at all.
		workspace.scorecards.push({
			...scale,
			id: 'mid',
			name: 'Mid',
			priority: 2,
			applies_to: { '==': [{ var: 'segment' }, 'mid'] },
			groups: [scale.groups[0]!]
		});
		const file = join(folder, 'gaps.json');
		await writeFile(file, JSON.stringify(workspace));
		const result = await engine('plan', '--workspace', file, '--as-of', '2026-11-02');
		expect(result.code).toBe(0);
		expect(JSON.parse(result.stdout).map((e: { account_id: string }) => e.account_id)).toEqual([
			'globex'
		]);
		expect(result.stderr).toBe(
			'warning: play scale-training reads score.groups.adoption, but 1 of the 4 accounts it ' +
				'reaches has no such group (scored by scorecard mid): it cannot fire for them\n'
		);
	});

	it('says what is wrong with its arguments, exit 2', async () => {
		const missing = await engine('plan');
		expect(missing.code).toBe(2);
		expect(missing.stderr).toContain('--workspace FILE is required');
		const badDate = await engine(
			'plan',
			'--workspace',
			fixture('example-workspace.json'),
			'--as-of',
			'soon'
		);
		expect(badDate.code).toBe(2);
		expect(badDate.stderr).toContain('--as-of expects a date');
	});
});
