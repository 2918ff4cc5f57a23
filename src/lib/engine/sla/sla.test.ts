import { describe, expect, it } from 'vitest';
import type { Task } from '../plays/types';
import type { BandPlaybook } from '../types';
import { slaCompliance } from './compliance';
import { FRAMEWORK_PLAYBOOKS, taskingPlaybooks } from './playbooks';
import { escalations, responseTasks, type SlaPeople } from './tasks';

const people: SlaPeople = {
	managerOf: (email) => (email.toLowerCase() === 'cam@team.example' ? 'lee@team.example' : null),
	fallback: 'owner@team.example'
};
const playbooks = taskingPlaybooks({
	settings: { band_playbooks: FRAMEWORK_PLAYBOOKS as BandPlaybook[] }
});
const acme = { id: 'acme', name: 'Acme', csm: 'Cam@Team.example' };
const AT = '2026-12-01T09:00:00.000Z';

describe('band playbooks', () => {
	it('gives an account entering Orange a task for its CSM due in 48 hours', () => {
		const [task, ...rest] = responseTasks(
			[{ account: acme, band: 'Orange', previous: 'Yellow' }],
			playbooks,
			AT,
			people
		);
		expect(rest).toEqual([]);
		expect(task).toMatchObject({
			account_id: 'acme',
			assignee: 'Cam@Team.example',
			due_at: '2026-12-03T09:00:00.000Z',
			due_date: '2026-12-03',
			status: 'open',
			sla: { band: 'Orange', kind: 'response' }
		});
		expect(task!.title).toContain('went from Yellow to Orange');
	});

	it('sends Red to the manager, no task for Green, and an account without CSM to the fallback', () => {
		const tasks = responseTasks(
			[
				{ account: acme, band: 'Red', previous: 'Orange' },
				{ account: { ...acme, id: 'beta' }, band: 'Green', previous: 'Yellow' },
				{ account: { ...acme, id: 'gamma', csm: null }, band: 'Yellow', previous: 'Green' }
			],
			playbooks,
			AT,
			people
		);
		expect(tasks.map((task) => [task.account_id, task.assignee])).toEqual([
			['acme', 'lee@team.example'],
			['gamma', 'owner@team.example']
		]);
	});

	it('escalates an overdue response once, to the CSM’s manager', () => {
		const [task] = responseTasks(
			[{ account: acme, band: 'Orange', previous: 'Yellow' }],
			playbooks,
			AT,
			people
		);
		expect(escalations([task!], '2026-12-03T08:59:00.000Z', people).created).toEqual([]);
		const late = '2026-12-03T09:01:00.000Z';
		const { escalated, created } = escalations([task!], late, people);
		expect(created).toMatchObject([
			{
				id: `sla-escalation:${task!.id}`,
				assignee: 'lee@team.example',
				sla: { kind: 'escalation', of: task!.id, csm: 'Cam@Team.example' }
			}
		]);
		expect(escalated[0]!.sla!.escalated_at).toBe(late);
		expect(escalations(escalated, late, people).created).toEqual([]);
		expect(escalations([{ ...task!, status: 'done' }], late, people).created).toEqual([]);
	});

	it('counts each person’s responses on time, late and open over a window', () => {
		const base = responseTasks(
			[{ account: acme, band: 'Orange', previous: 'Yellow' }],
			playbooks,
			AT,
			people
		)[0]!;
		const tasks: Task[] = [
			{ ...base, id: 'a', status: 'done', completed_at: '2026-12-02T10:00:00.000Z' },
			{ ...base, id: 'b', status: 'done', completed_at: '2026-12-04T10:00:00.000Z' },
			{ ...base, id: 'c', assignee: 'cam@team.example', due_at: '2026-12-10T09:00:00.000Z' },
			{ ...base, id: 'd', created_at: '2026-10-01T09:00:00.000Z' },
			{ ...base, id: 'e', sla: undefined }
		];
		expect(slaCompliance(tasks, '2026-12-04T12:00:00.000Z', 30)).toEqual([
			{ assignee: 'Cam@Team.example', on_time: 1, late: 1, open: 1 }
		]);
		expect(slaCompliance(tasks, '2026-12-11T12:00:00.000Z', 90)).toEqual([
			{ assignee: 'Cam@Team.example', on_time: 1, late: 3, open: 0 }
		]);
	});
});
