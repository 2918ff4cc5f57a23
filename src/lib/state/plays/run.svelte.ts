/**
 * "Run plays now": plan every enabled play on every account as of today, show what it would do,
 * and on confirmation write it to the outbox (once per key: running twice adds nothing twice).
 */
import { runPlan, type RunResult, type ScorecraftDatabase } from '$lib/db';
import { nowIso, todayUtc } from '../today';
import { postPendingWebhooks } from '../outbox/webhooks';
import type { PlanClient } from './client';
import type { PlanResult } from './protocol';

export type RunStep =
	| { kind: 'idle' }
	| { kind: 'planning' }
	| { kind: 'confirm'; result: PlanResult }
	| { kind: 'running' }
	| { kind: 'done'; result: RunResult }
	| { kind: 'error'; message: string };

export class PlayRun {
	step: RunStep = $state.raw({ kind: 'idle' });
	readonly #db: ScorecraftDatabase;
	readonly #client: () => PlanClient;

	constructor(db: ScorecraftDatabase, client: () => PlanClient) {
		this.#db = db;
		this.#client = client;
	}

	/** Plans the run and asks for confirmation. */
	async prepare(today = todayUtc()): Promise<void> {
		this.step = { kind: 'planning' };
		try {
			const result = await this.#client().plan({ asOf: today, accounts: { kind: 'all' } });
			this.step = { kind: 'confirm', result };
		} catch (error) {
			this.step = {
				kind: 'error',
				message: error instanceof Error ? error.message : String(error)
			};
		}
	}

	cancel(): void {
		this.step = { kind: 'idle' };
	}

	async confirm(by: string, now = nowIso()): Promise<void> {
		if (this.step.kind !== 'confirm') return;
		const { plan } = this.step.result;
		this.step = { kind: 'running' };
		try {
			const result = await runPlan(this.#db, plan, { at: now, by });
			this.step = { kind: 'done', result };
			// Webhooks go out through the server once the run is safely written.
			if (result.queued) await postPendingWebhooks(this.#db);
		} catch (error) {
			this.step = {
				kind: 'error',
				message: error instanceof Error ? error.message : String(error)
			};
		}
	}
}
