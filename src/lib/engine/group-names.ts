import type { Scorecard } from './types';

/**
 * Every group's name by id, from every scorecard (the same id names the same group everywhere):
 * the `own` scorecard's first when given (an account's own scorecard names its history's groups),
 * the id where a group has no name.
 */
export function groupNames(
	scorecards: readonly Scorecard[],
	own?: Scorecard | null
): Map<string, string> {
	const names = new Map<string, string>();
	for (const scorecard of own ? [own, ...scorecards] : scorecards)
		for (const group of scorecard.groups)
			if (!names.has(group.id)) names.set(group.id, group.name || group.id);
	return names;
}
