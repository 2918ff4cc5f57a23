/**
 * "Run plays now": plan every enabled play on every account as of today, show what it would do,
 * and on confirmation write it to the outbox (once per key: running twice adds nothing twice).
 */
import { runPlan, type RunResult, type ScorecraftDatabase } from '$lib/db';
import { nowIso, todayUtc } from '../today';
import { postPendingWebhooks } from '../outbox/webhooks';
import { EmailDelivery, syncQuietly } from '../mail/email-delivery.svelte';
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
	/** Sends the emails a run queued, through the server. */
	readonly delivery: EmailDelivery;

	constructor(db: ScorecraftDatabase, client: () => PlanClient, delivery = new EmailDelivery(db)) {
		this.#db = db;
		this.#client = client;
		this.delivery = delivery;
	}

	/** Plans the run and asks for confirmation. */
	async prepare(today = todayUtc()): Promise<void> {
		this.step = { kind: 'planning' };
		try {
			await syncQuietly(this.#db);
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
			// Webhooks and emails go out through the server once the run is safely written.
			if (result.queued) {
				await postPendingWebhooks(this.#db);
				await this.delivery.run();
			}
		} catch (error) {
			this.step = {
				kind: 'error',
				message: error instanceof Error ? error.message : String(error)
			};
		}
	}
}
