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
