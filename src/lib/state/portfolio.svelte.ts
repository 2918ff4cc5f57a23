/**
 * The portfolio the pages show: the sample workspace, scored as of today, with every account
 * joined to its score. Generated in the browser on first use; a Dexie store replaces the sample
 * later, behind the same fields.
 */
import { churnedBy, scoreWorkspace, type AccountScore, type Workspace } from '$lib/engine';
import { accountRows, bandOrder, bandTotals, lowestScores } from './account-rows';
import { todayUtc } from './today';

/**
 * Resolves after the browser has painted, so a long task does not leave the page blank. A hidden
 * tab runs no animation frames: a timer then starts the work anyway.
 */
function afterPaint(): Promise<void> {
	return new Promise((resolve) => {
		requestAnimationFrame(() => setTimeout(resolve, 0));
		setTimeout(resolve, 200);
	});
}

const NONE_CHURNED: ReadonlyMap<string, string> = new Map();

export class Portfolio {
	loading = $state(true);
	error: string | null = $state(null);
	asOf: string | null = $state(null);
	/** Raw, not deeply reactive: thousands of records replaced as a whole, never edited in place. */
	workspace: Workspace | null = $state.raw(null);
	scores: readonly AccountScore[] = $state.raw([]);

	readonly bands = $derived(this.workspace ? bandOrder(this.workspace) : []);
	/** Accounts that had churned by the as-of date: history for backtests, not the live portfolio. */
	readonly churned: ReadonlyMap<string, string> = $derived(
		this.workspace && this.asOf ? churnedBy(this.workspace.outcomes, this.asOf) : NONE_CHURNED
	);
	readonly rows = $derived(
		this.workspace
			? accountRows(this.workspace, this.scores, this.bands).filter(
					(row) => !this.churned.has(row.id)
				)
			: []
	);
	readonly bandTotals = $derived(bandTotals(this.rows, this.bands));
	readonly lowest = $derived(lowestScores(this.rows, 10));
	readonly currency = $derived.by(() => {
		const currency = this.workspace?.settings.currency;
		return typeof currency === 'string' ? currency : 'USD';
	});

	#started = false;

	/** Starts loading the first time any page asks; later calls do nothing. */
	load(): void {
		if (this.#started) return;
		this.#started = true;
		void this.#load();
	}

	async #load(): Promise<void> {
		try {
			// The generator is needed only until the workspace lives in IndexedDB: load it on demand.
			const [{ generateSample }] = await Promise.all([import('$lib/engine/sample'), afterPaint()]);
			const asOf = todayUtc();
			const workspace = generateSample({ seed: 1, end: asOf });
			this.scores = scoreWorkspace(workspace, asOf);
			this.workspace = workspace;
			this.asOf = asOf;
		} catch (error) {
			this.error = error instanceof Error ? error.message : String(error);
		} finally {
			this.loading = false;
		}
	}
}

export const portfolio = new Portfolio();
