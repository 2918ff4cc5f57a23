/**
 * Running plays now: plan some plays (every enabled one, or the one being edited) on every
 * account as of today, show per play what the run would do, and on confirmation write it to the
 * outbox (once per key: running twice adds nothing twice). The result reports the same figures,
 * computed the same way, so the confirmation and the result agree.
 */
import { runPlan } from '$lib/db/outbox';
import { keysInOutbox, playFigures, type PlayFigures } from '$lib/db/run-figures';
import type { RunResult, ScorecraftDatabase } from '$lib/db';
import { nowIso, todayUtc } from '../today';
import { postPendingWebhooks } from '../outbox/webhooks';
import { EmailDelivery, syncQuietly } from '../mail/email-delivery.svelte';
import type { PlanClient } from './client';
import type { PlanResult } from './protocol';

export type RunStep =
	| { kind: 'idle' }
	| { kind: 'planning' }
	/** `accounts`: how many accounts the new, not suppressed entries are for. */
	| { kind: 'confirm'; result: PlanResult; figures: PlayFigures[]; accounts: number }
	| { kind: 'running' }
	| { kind: 'done'; result: RunResult; playNames: Record<string, string> }
	| { kind: 'error'; message: string };

export class PlayRun {
	step: RunStep = $state.raw({ kind: 'idle' });
	readonly #db: ScorecraftDatabase;
	readonly #client: () => PlanClient;
	readonly #plays: () => string[] | undefined;
	/** Sends the emails a run queued, through the server. */
	readonly delivery: EmailDelivery;

	/** `plays` names the plays to run (undefined: every enabled play). */
	constructor(
		db: ScorecraftDatabase,
		client: () => PlanClient,
		delivery = new EmailDelivery(db),
		plays: () => string[] | undefined = () => undefined
	) {
		this.#db = db;
		this.#client = client;
		this.delivery = delivery;
		this.#plays = plays;
	}

	/** Plans the run and asks for confirmation, with what it would do per play. */
	async prepare(today = todayUtc()): Promise<void> {
		this.step = { kind: 'planning' };
		try {
			await syncQuietly(this.#db);
			const plays = this.#plays();
			const result = await this.#client().plan({
				asOf: today,
				accounts: { kind: 'all' },
				...(plays ? { plays } : {})
			});
			const existing = await keysInOutbox(this.#db, result.plan);
			const figures = playFigures(result.plan, existing, result.playIds);
			const reached = result.plan.entries.filter(
				(entry) => entry.status === 'planned' && !existing.has(entry.key)
			);
			// A count, not state.
			// eslint-disable-next-line svelte/prefer-svelte-reactivity
			const accounts = new Set(reached.map((entry) => entry.account_id)).size;
			this.step = { kind: 'confirm', result, figures, accounts };
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
		const { plan, playIds, playNames } = this.step.result;
		this.step = { kind: 'running' };
		try {
			const result = await runPlan(this.#db, plan, { at: now, by, plays: playIds });
			this.step = { kind: 'done', result, playNames };
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
