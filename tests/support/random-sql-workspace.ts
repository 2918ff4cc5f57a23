/**
 * Random workspaces for holding the SQL compilation to the engine: accounts whose fields, facts and
 * metrics keep one type per name (as tables do), with nulls, absences, zeros and snapshots on both
 * sides of the as-of date; and the random scorecards the engine's own backends are compared on,
 * without what SQL does not compile yet (time decay, manual measures, the last known value).
 */
import type { Account, Scorecard, Snapshot, Workspace } from '../../src/lib/engine';
import type { Random } from '../../src/lib/engine/random';
import { parseWorkspace } from '../../src/lib/engine/workspace/load';
import { randomScorecard } from './random-scorecard';
import { workspaceWith } from './workspace';

export const AS_OF = '2026-11-23';
const DATES = ['2026-08-30', '2026-10-01', '2026-11-02', '2026-11-23', '2026-12-01'];

/** A metric of each type, some often null or absent; `absent` is never there. */
const METRIC_VALUES: Record<string, (random: Random) => unknown> = {
	a: (random) => (random.chance(0.5) ? random.int(-2, 12) : random.between(0, 10)),
	b: (random) => random.pick([random.int(-2, 12), 0, random.between(-1, 1)]),
	n: (random) => (random.chance(0.3) ? null : random.int(0, 5)),
	z: () => 0,
	s: (random) => random.pick(['a', '2', '', 'x']),
	flag: (random) => random.chance(0.5),
	nothing: () => null
};

function randomAccount(random: Random, index: number): Account {
	const account: Account = {
		id: `acc-${String(index).padStart(3, '0')}`,
		name: `Account ${index}`,
		segment: random.pick(['scale', 'mid', 'enterprise'])
	};
	if (random.chance(0.7)) account.arr = random.int(0, 50) * 1000;
	if (random.chance(0.5)) account.csm = random.pick(['kim@x.example', 'luis@x.example']);
	if (random.chance(0.3)) account.tags = ['beta'];
	const facts: Record<string, unknown> = {};
	if (random.chance(0.8)) facts.seats = random.int(1, 40);
	if (random.chance(0.5)) facts.plan = random.pick(['starter', 'team']);
	// A fact with a metric's name: the snapshot's value wins where it has one.
	if (random.chance(0.3)) facts.a = random.int(0, 9);
	if (Object.keys(facts).length) account.facts = facts as Account['facts'];
	return account;
}

function randomSnapshots(random: Random, accountId: string): Snapshot[] {
	return DATES.filter(() => random.chance(0.6)).map((date) => {
		const metrics: Snapshot['metrics'] = {};
		for (const [name, value] of Object.entries(METRIC_VALUES))
			if (random.chance(0.85)) metrics[name] = value(random) as Snapshot['metrics'][string];
		return { account_id: accountId, date, metrics };
	});
}

/** What SQL compiles: the measure's decay, manual validity and last-known policy taken out. */
function compilable(card: Scorecard): Scorecard {
	return {
		...card,
		groups: card.groups.map((group) => ({
			...group,
			measures: group.measures.map((measure) => {
				const copy = { ...measure };
				delete copy.decay;
				delete copy.manual;
				if (copy.missing?.policy === 'last_known') delete copy.missing;
				return copy;
			})
		}))
	};
}

export function randomSqlWorkspace(random: Random, accounts = 20): Workspace {
	const list = Array.from({ length: accounts }, (_, i) => randomAccount(random, i));
	const scorecards: Scorecard[] = [];
	while (scorecards.length < 3) {
		const card = compilable(randomScorecard(random, `card${scorecards.length}`));
		if (parseWorkspace(workspaceWith({ scorecards: [card] })).ok) scorecards.push(card);
	}
	return workspaceWith({
		accounts: list,
		snapshots: list.flatMap((account) => randomSnapshots(random, account.id)),
		scorecards
	});
}
