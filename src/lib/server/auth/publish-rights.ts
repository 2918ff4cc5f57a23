/**
 * What a role may change by publishing the workspace: leaders its scorecards, ops its plays and
 * templates, the owner anything; the data (accounts, contacts, history) any of them. Compared
 * with what is published now, so a publish that changes what the role may not is refused whole.
 */
import type { Workspace } from '$lib/engine';
import type { Role } from '../store/people';

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function publishRefusal(
	role: Role,
	current: Workspace | null,
	next: Workspace
): string | null {
	if (role === 'owner' || current === null) return null;
	if (role !== 'leader' && !same(current.scorecards, next.scorecards))
		return `the scorecards differ from the published ones: publishing scorecards takes the leader role (yours: ${role})`;
	if (
		role !== 'ops' &&
		(!same(current.plays, next.plays) || !same(current.templates, next.templates))
	)
		return `the plays or templates differ from the published ones: publishing them takes the ops role (yours: ${role})`;
	return null;
}
