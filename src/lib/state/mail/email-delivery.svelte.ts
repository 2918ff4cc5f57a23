/**
 * Delivery as a page shows it: sending, with progress; done, with what happened; or the error.
 * The work can be left running while the user moves on (it lives in the store, not the page).
 */
import type { ScorecraftDatabase } from '$lib/db';
import { MailApi } from './api';
import { deliverQueuedEmails, syncFromServer, type DeliveryReport } from './delivery';

export type DeliveryStep =
	| { kind: 'idle' }
	| { kind: 'sending'; done: number; total: number }
	| { kind: 'done'; report: DeliveryReport }
	| { kind: 'error'; message: string };

export class EmailDelivery {
	step: DeliveryStep = $state.raw({ kind: 'idle' });
	readonly #db: ScorecraftDatabase;
	readonly #api: MailApi;

	constructor(db: ScorecraftDatabase, api: MailApi = new MailApi()) {
		this.#db = db;
		this.#api = api;
	}

	get busy(): boolean {
		return this.step.kind === 'sending';
	}

	async run(): Promise<void> {
		if (this.busy) return;
		this.step = { kind: 'sending', done: 0, total: 0 };
		try {
			const report = await deliverQueuedEmails(this.#db, this.#api, (done, total) => {
				this.step = { kind: 'sending', done, total };
			});
			this.step = { kind: 'done', report };
		} catch (error) {
			this.step = {
				kind: 'error',
				message: error instanceof Error ? error.message : String(error)
			};
		}
	}
}

/**
 * Brings the server's unsubscribes and runs in before a plan, so it suppresses who left. The
 * app works without its server (a static preview): then there is nothing to bring.
 */
export async function syncQuietly(
	db: ScorecraftDatabase,
	api: MailApi = new MailApi()
): Promise<void> {
	try {
		await syncFromServer(db, api);
	} catch {
		// No server to ask: the plan uses what the store has.
	}
}
