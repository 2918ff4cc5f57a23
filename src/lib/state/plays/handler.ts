/**
 * What the planning worker does, apart from the worker so the page can run it on its own thread
 * where there is no worker. Reads the store, plans, writes nothing. Failures come back as values.
 */
import { outboxHistory, type ScorecraftDatabase } from '$lib/db';
import { readWorkspace } from '$lib/db/workspace';
import { planPlays, Random, type Workspace } from '$lib/engine';
import { addDays } from '$lib/engine/dates';
import type { AccountChoice, PlanRequest, PlanResponse } from './protocol';

/** The ids of the accounts a choice names; undefined for all of them. */
export function chooseAccounts(workspace: Workspace, choice: AccountChoice): string[] | undefined {
	switch (choice.kind) {
		case 'all':
			return undefined;
		case 'segment':
			return workspace.accounts.filter((a) => a.segment === choice.segment).map((a) => a.id);
		case 'picked':
			return choice.ids;
		case 'random': {
			// A partial Fisher–Yates shuffle, seeded: the same seed, the same sample.
			const ids = workspace.accounts.map((account) => account.id);
			const random = new Random(choice.seed);
			const size = Math.min(choice.size, ids.length);
			for (let i = 0; i < size; i++) {
				const j = random.int(i, ids.length - 1);
				[ids[i], ids[j]] = [ids[j]!, ids[i]!];
			}
			return ids.slice(0, size);
		}
	}
}

export async function handlePlanRequest(
	db: ScorecraftDatabase,
	request: PlanRequest
): Promise<PlanResponse> {
	try {
		const started = performance.now();
		const { workspace } = await readWorkspace(db);
		if (request.edited) {
			const edited = request.edited;
			const at = workspace.plays.findIndex((play) => play.id === edited.id);
			workspace.plays = at >= 0 ? workspace.plays.with(at, edited) : [...workspace.plays, edited];
		}
		const longest = Math.max(7, ...workspace.plays.map((play) => play.cooldown_days));
		const history = await outboxHistory(db, addDays(request.asOf, -longest));
		const accounts = chooseAccounts(workspace, request.accounts);
		const plan = planPlays({
			workspace,
			asOf: request.asOf,
			history,
			plays: request.plays,
			accounts
		});
		const wanted = request.plays && new Set(request.plays);
		const playIds = workspace.plays
			.filter((play) => (wanted ? wanted.has(play.id) : play.enabled))
			.map((play) => play.id);
		const inPlan = new Set(plan.entries.map((entry) => entry.account_id));
		const accountNames: Record<string, string> = {};
		for (const account of workspace.accounts)
			if (inPlan.has(account.id)) accountNames[account.id] = account.name;
		return {
			id: request.id,
			ok: true,
			result: {
				plan,
				playIds,
				accountNames,
				playNames: Object.fromEntries(workspace.plays.map((play) => [play.id, play.name])),
				scorecardNames: Object.fromEntries(
					workspace.scorecards.map((card) => [card.id, card.name || card.id])
				),
				accountsConsidered: accounts?.length ?? workspace.accounts.length,
				ms: performance.now() - started
			}
		};
	} catch (error) {
		return {
			id: request.id,
			ok: false,
			message: error instanceof Error ? error.message : String(error)
		};
	}
}
