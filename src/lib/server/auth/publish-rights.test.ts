import { describe, expect, it } from 'vitest';
import { exampleWorkspace } from '../../../../tests/support/workspace';
import { publishRefusal } from './publish-rights';

describe('what a role may change by publishing', () => {
	const current = exampleWorkspace();
	const scorecardChanged = {
		...current,
		scorecards: current.scorecards.map((card) => ({ ...card, name: `${card.name} v2` }))
	};
	const playChanged = {
		...current,
		plays: current.plays.map((play) => ({ ...play, name: `${play.name} v2` }))
	};
	const dataChanged = { ...current, accounts: current.accounts.slice(1) };

	it('lets leaders change scorecards, ops plays, the owner anything, and everyone the data', () => {
		expect(publishRefusal('leader', current, scorecardChanged)).toBeNull();
		expect(publishRefusal('ops', current, playChanged)).toBeNull();
		expect(publishRefusal('owner', current, scorecardChanged)).toBeNull();
		expect(publishRefusal('owner', current, playChanged)).toBeNull();
		for (const role of ['leader', 'ops'] as const)
			expect(publishRefusal(role, current, dataChanged)).toBeNull();
	});

	it('refuses what the role may not change, saying which role it takes', () => {
		expect(publishRefusal('ops', current, scorecardChanged)).toMatch(
			/takes the leader role \(yours: ops\)$/
		);
		expect(publishRefusal('leader', current, playChanged)).toMatch(
			/takes the ops role \(yours: leader\)$/
		);
		expect(publishRefusal('csm', current, dataChanged)).toBeNull();
		expect(publishRefusal('viewer', current, scorecardChanged)).not.toBeNull();
	});

	it('lets the first publish through whole (nothing to compare with)', () => {
		expect(publishRefusal('ops', null, scorecardChanged)).toBeNull();
	});
});
