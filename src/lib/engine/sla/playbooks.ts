/**
 * Band playbooks (`settings.band_playbooks`): the response a team commits to when an account
 * enters a band. The framework's are offered in Settings; a workspace without any creates no task.
 */
import type { BandPlaybook, Workspace } from '../types';

/** The seed framework's commitments: Red escalates to the manager at once, Orange in 48 hours, … */
export const FRAMEWORK_PLAYBOOKS: readonly BandPlaybook[] = [
	{
		band: 'Red',
		response: 'Escalate: the CS manager calls the customer',
		respond_within_hours: 24,
		to: 'manager'
	},
	{ band: 'Orange', response: 'Respond to the customer', respond_within_hours: 48, to: 'csm' },
	{ band: 'Yellow', response: 'Proactive outreach', respond_within_hours: 168, to: 'csm' },
	{ band: 'Green', response: 'The regular cadence', respond_within_hours: null, to: 'csm' }
];

/** The workspace's playbooks that create a task, by band name. */
export function taskingPlaybooks(
	workspace: Pick<Workspace, 'settings'>
): Map<string, BandPlaybook> {
	const playbooks = (workspace.settings.band_playbooks ?? []) as BandPlaybook[];
	return new Map(
		playbooks
			.filter((playbook) => playbook.respond_within_hours !== null)
			.map((playbook) => [playbook.band, playbook])
	);
}
