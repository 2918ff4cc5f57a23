/**
 * Settings → Band playbooks: per band, the response the team commits to, who gives it and within
 * how many hours, saved in the workspace's settings (`settings.band_playbooks`, synced to the
 * team); the server checks them every few minutes, or now on request.
 */
import { workspaceSettings, type ScorecraftDatabase } from '$lib/db';
import { bumpDataVersion } from '$lib/db/meta';
import {
	DEFAULT_BANDS,
	FRAMEWORK_PLAYBOOKS,
	zodIssues,
	type BandPlaybook,
	type WorkspaceIssue
} from '$lib/engine';
import { bandPlaybook } from '$lib/engine/workspace/plays-schema';
import { serverRevision } from '../sync/catch-up';

/** One band's row as edited: hours as typed ('' for the regular cadence, no task). */
export interface PlaybookRow {
	band: string;
	response: string;
	hours: string;
	to: BandPlaybook['to'];
}

export interface SlaCheckAnswer {
	entered: number;
	responses: number;
	escalated: number;
	emailed: number;
	failures: string[];
}

const rowOf = (playbook: BandPlaybook): PlaybookRow => ({
	band: playbook.band,
	response: playbook.response,
	hours: playbook.respond_within_hours === null ? '' : String(playbook.respond_within_hours),
	to: playbook.to
});

export class BandPlaybooks {
	rows: PlaybookRow[] = $state([]);
	loaded = $state(false);
	busy: 'saving' | 'checking' | null = $state(null);
	/** The problems of the last save, each at its band's field (`Red.response`); none: saved. */
	problems: WorkspaceIssue[] = $state.raw([]);
	saved = $state(false);
	checked: SlaCheckAnswer | null = $state.raw(null);
	error: string | null = $state(null);
	readonly #db: ScorecraftDatabase;
	readonly #fetch: typeof fetch;

	constructor(db: ScorecraftDatabase, fetchFn: typeof fetch = (...args) => fetch(...args)) {
		this.#db = db;
		this.#fetch = fetchFn;
	}

	/** The workspace's playbooks, and a row for every band its scorecards name. */
	async load(): Promise<void> {
		const saved = ((await workspaceSettings(this.#db)).band_playbooks ?? []) as BandPlaybook[];
		const bands = DEFAULT_BANDS.map((band) => band.name);
		for (const scorecard of await this.#db.scorecards.toArray())
			for (const band of scorecard.bands ?? [])
				if (!bands.includes(band.name)) bands.push(band.name);
		this.rows = bands.map((band) =>
			rowOf(
				saved.find((playbook) => playbook.band === band) ?? {
					band,
					response: '',
					respond_within_hours: null,
					to: 'csm'
				}
			)
		);
		this.loaded = true;
	}

	/** Fills every band the framework names with its commitment (not saved yet). */
	useFramework(): void {
		this.rows = this.rows.map((row) => {
			const playbook = FRAMEWORK_PLAYBOOKS.find((candidate) => candidate.band === row.band);
			return playbook ? rowOf(playbook) : row;
		});
		this.saved = false;
	}

	/** The rows as playbooks, or the problems that keep them from being saved. */
	#playbooks(): { playbooks: BandPlaybook[]; problems: WorkspaceIssue[] } {
		const playbooks: BandPlaybook[] = [];
		const problems: WorkspaceIssue[] = [];
		for (const row of this.rows) {
			const hours = row.hours.trim();
			if (row.response.trim() === '' && hours === '') continue;
			const input = {
				band: row.band,
				response: row.response.trim(),
				respond_within_hours: hours === '' ? null : Number(hours),
				to: row.to
			};
			const parsed = bandPlaybook.safeParse(input);
			if (parsed.success) playbooks.push(parsed.data as BandPlaybook);
			else
				for (const issue of zodIssues(parsed.error, input))
					problems.push({ ...issue, path: `${row.band}.${issue.path}` });
		}
		return { playbooks, problems };
	}

	async save(): Promise<void> {
		const { playbooks, problems } = this.#playbooks();
		this.problems = problems;
		this.saved = false;
		if (problems.length) return;
		this.busy = 'saving';
		try {
			await this.#db.transaction('rw', [this.#db.settings, this.#db.meta], async () => {
				const settings = { ...(await workspaceSettings(this.#db)) };
				if (playbooks.length) settings.band_playbooks = playbooks;
				else delete settings.band_playbooks;
				await this.#db.settings.put({ key: 'workspace', value: settings });
				await bumpDataVersion(this.#db);
			});
			this.saved = true;
		} finally {
			this.busy = null;
		}
	}

	/** Has the server check now, once this browser's changes have reached it. */
	async checkNow(): Promise<void> {
		this.busy = 'checking';
		this.error = null;
		try {
			await serverRevision(this.#db);
			const response = await this.#fetch('/api/sla/check', { method: 'POST' });
			const body = await response.json().catch(() => ({}));
			if (!response.ok) throw new Error(body.error ?? `the server answered ${response.status}`);
			this.checked = body as SlaCheckAnswer;
		} catch (error) {
			this.error = (error as Error).message;
		} finally {
			this.busy = null;
		}
	}
}
