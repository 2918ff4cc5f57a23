/**
 * The Settings page's server part: how the server sends, the team workspace it holds, the hour
 * of the daily run (a workspace setting, `settings.daily_run_hour`, UTC), and running the plays on
 * the server now (the results then come into the outbox like any server run).
 */
import { workspaceSettings, type ScorecraftDatabase } from '$lib/db';
import { bumpDataVersion } from '$lib/db/meta';
import { MailApi, type ServerStatus } from './api';
import { serverRevision } from '../sync/catch-up';
import { EmailDelivery } from './email-delivery.svelte';

export class ServerSettings {
	status: ServerStatus | null = $state.raw(null);
	/** null: no daily run. */
	hour: number | null = $state(null);
	busy: 'running' | null = $state(null);
	message: string | null = $state(null);
	error: string | null = $state(null);
	readonly delivery: EmailDelivery;
	readonly #db: ScorecraftDatabase;
	readonly #api: MailApi;

	constructor(db: ScorecraftDatabase, api: MailApi = new MailApi()) {
		this.#db = db;
		this.#api = api;
		this.delivery = new EmailDelivery(db, api);
	}

	async load(): Promise<void> {
		const hour = (await workspaceSettings(this.#db)).daily_run_hour;
		this.hour = typeof hour === 'number' ? hour : null;
		try {
			this.status = await this.#api.status();
			this.error = null;
		} catch (error) {
			this.error = (error as Error).message;
		}
	}

	/** Saves the hour in the workspace's settings (the server reads it from the team's workspace). */
	async setHour(hour: number | null): Promise<void> {
		this.hour = hour;
		await this.#db.transaction('rw', [this.#db.settings, this.#db.meta], async () => {
			const settings = { ...(await workspaceSettings(this.#db)) };
			if (hour === null) delete settings.daily_run_hour;
			else settings.daily_run_hour = hour;
			await this.#db.settings.put({ key: 'workspace', value: settings });
			await bumpDataVersion(this.#db);
		});
	}

	async #do(kind: 'running', work: () => Promise<string>): Promise<void> {
		this.busy = kind;
		this.message = null;
		this.error = null;
		try {
			this.message = await work();
			this.status = await this.#api.status();
		} catch (error) {
			this.error = (error as Error).message;
		} finally {
			this.busy = null;
		}
	}

	/** Waits for this browser's changes to reach the server, runs there, then brings the results in. */
	runNow(describe: (counts: Record<string, number>, asOf: string) => string): Promise<void> {
		return this.#do('running', async () => {
			await serverRevision(this.#db);
			const run = await this.#api.runNow();
			await this.delivery.run();
			return describe(run.counts, run.as_of);
		});
	}
}
