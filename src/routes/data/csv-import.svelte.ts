/**
 * The CSV import on the Data page, step by step: choose a file → map its columns (with a live
 * preview) → check every row in the worker, against the accounts this browser holds → review the
 * problems → send the file to the server, which checks it again against the team's accounts and
 * writes the valid rows in one commit → wait for this browser's replica to hold them (every other
 * browser's pulls them too) → recalculate the scores. One instance for the app, so an import
 * carries on while the user visits other pages.
 */
import { getDatabase } from '$lib/db';
import { ImportCancelled, ImportWorkerClient } from '$lib/state/import/client';
import { checkMapping, guessMapping } from '$lib/import/mapping';
import { outcomeWords } from '$lib/import/outcome-types';
import { previewRows } from '$lib/import/preview';
import { storedAccountIds } from '$lib/import/store';
import type {
	CheckProgress,
	CheckSummary,
	ColumnMapping,
	FileProblem,
	ImportKind,
	Inspection,
	OutcomeType,
	RowError
} from '$lib/import/types';
import { uploadCsv, type ImportAnswer, type ImportCounts } from '$lib/import/upload';
import { replicaAt } from '$lib/state/sync/catch-up';
import { todayUtc } from '$lib/state/today';
import {
	bringScoresUpToDate,
	storeStarted,
	type ScoresUpdate
} from '$lib/state/data/app-store.svelte';

export type CsvStep = 'choose' | 'reading' | 'mapping' | 'checking' | 'review' | 'writing' | 'done';

export type CsvFailure =
	| { kind: 'file'; problem: FileProblem }
	| { kind: 'check'; message: string }
	| { kind: 'write'; message: string };

export const ERROR_PAGE_SIZE = 50;

function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

export class CsvImport {
	kind: ImportKind = $state('snapshots');
	step: CsvStep = $state('choose');
	fileName = $state('');
	inspection: Inspection | null = $state.raw(null);
	/** Deeply reactive: the mapping table edits its columns in place. */
	mapping: ColumnMapping[] = $state([]);
	/** The account ids in the store when the file was last read or checked (replaced, never edited). */
	knownAccounts: ReadonlySet<string> | null = $state.raw(null);
	progress: CheckProgress | null = $state.raw(null);
	/** The check's counts: the worker's for the review, the server's once the file is imported. */
	summary: CheckSummary | null = $state.raw(null);
	/** The problems found: all the worker's, then the first ones the server found (`summary.errors` in all). */
	errors: readonly RowError[] = $state.raw([]);
	errorPage = $state(0);
	result: ImportCounts | null = $state.raw(null);
	refresh: 'running' | 'done' | { failed: string } | null = $state.raw(null);
	failure: CsvFailure | null = $state.raw(null);
	/** What the last run took, in milliseconds (shown for large files, read by the benchmark). */
	timings: {
		checkMs?: number;
		/** Until the server answered: the upload, its check and its commit. */
		serverMs?: number;
		/** Until this browser's replica held the import. */
		writeMs?: number;
		refreshMs?: number;
		/** Who brought the scores up to date: this page (`computed`), or the app's store. */
		refresh?: ScoresUpdate;
	} = $state.raw({});
	/** The as-of date of the scores recalculated after the import. */
	scoredAsOf: string | null = $state(null);
	/** Set when the user cancelled a file part way, to say that nothing was written. */
	cancelled = $state(false);

	readonly issues = $derived(checkMapping(this.kind, this.mapping));
	readonly preview = $derived(
		this.inspection
			? previewRows(this.kind, this.mapping, this.inspection.sample, {
					decimalComma: this.inspection.format.decimalComma,
					knownAccounts: this.knownAccounts ?? undefined
				})
			: null
	);
	/** The mapping's column read as an outcome's type, when the file holds outcomes. */
	readonly outcomeColumn = $derived(
		this.kind === 'outcomes' ? this.mapping.findIndex((column) => column.target === 'type') : -1
	);
	/**
	 * The words of that column, from the first rows and from any the last check refused, each with
	 * what it is read as now: the table the person corrects them in.
	 */
	readonly outcomeWords = $derived.by(() => {
		const column = this.outcomeColumn;
		if (column < 0) return [];
		const cells = (this.inspection?.sample ?? []).map((row) => row[column] ?? '');
		return outcomeWords([...cells, ...this.refusedWords], this.mapping[column]!.values);
	});
	/** Words of the outcome column a check refused: kept when the person goes back to the mapping. */
	refusedWords: readonly string[] = $state.raw([]);

	readonly errorPageCount = $derived(Math.max(1, Math.ceil(this.errors.length / ERROR_PAGE_SIZE)));
	readonly visibleErrors = $derived(
		this.errors.slice(
			Math.min(this.errorPage, this.errorPageCount - 1) * ERROR_PAGE_SIZE,
			(Math.min(this.errorPage, this.errorPageCount - 1) + 1) * ERROR_PAGE_SIZE
		)
	);

	#file: File | null = null;
	#client: ImportWorkerClient | null = null;
	/** Bumped by every new start and cancel: a late answer to an older run is dropped. */
	#run = 0;

	get busy(): boolean {
		return this.step === 'reading' || this.step === 'checking' || this.step === 'writing';
	}

	get validRows(): number {
		return this.summary?.validRows ?? 0;
	}

	#worker(): ImportWorkerClient {
		this.#client ??= new ImportWorkerClient();
		return this.#client;
	}

	/** A new kind guesses the mapping again from the heading already read. */
	setKind(kind: ImportKind): void {
		if (this.busy || kind === this.kind) return;
		this.kind = kind;
		if (this.inspection) {
			this.mapping = guessMapping(kind, this.inspection.header);
			if (this.step !== 'mapping') this.#toMapping();
		}
	}

	/** Reads the heading and first rows of `file`, guesses the mapping and shows it. */
	async choose(file: File): Promise<void> {
		if (this.step === 'writing') return;
		if (this.busy) this.#client?.cancel();
		const run = this.#restart();
		this.#file = file;
		this.fileName = file.name;
		this.step = 'reading';
		try {
			const [inspected, accounts] = await Promise.all([
				this.#worker().inspect(file, this.kind),
				storedAccountIds(getDatabase())
			]);
			if (run !== this.#run) return;
			if (!inspected.ok) {
				this.failure = { kind: 'file', problem: inspected.problem };
				this.step = 'choose';
				return;
			}
			this.knownAccounts = accounts;
			this.inspection = inspected.value;
			this.mapping = guessMapping(this.kind, inspected.value.header);
			this.step = 'mapping';
		} catch (error) {
			if (run !== this.#run || error instanceof ImportCancelled) return;
			this.failure = { kind: 'check', message: messageOf(error) };
			this.step = 'choose';
		}
	}

	/** Checks every row with the current mapping, in the worker; writes nothing. */
	async check(): Promise<void> {
		const file = this.#file;
		const inspection = this.inspection;
		if (!file || !inspection || this.issues.length || this.busy) return;
		const run = ++this.#run;
		this.step = 'checking';
		this.failure = null;
		this.progress = { rows: 0, bytesRead: 0, totalBytes: file.size };
		const started = performance.now();
		try {
			// The worker reads the store's accounts itself, as they are now.
			const checked = await this.#worker().check({
				file,
				kind: this.kind,
				mapping: $state.snapshot(this.mapping),
				format: inspection.format,
				latestDate: todayUtc(),
				onProgress: (progress) => {
					if (run === this.#run) this.progress = progress;
				}
			});
			if (run !== this.#run) return;
			if (!checked.ok) {
				this.failure = { kind: 'file', problem: checked.problem };
				this.step = 'mapping';
				return;
			}
			this.summary = checked.summary;
			this.errors = checked.errors;
			this.#keepRefusedWords(checked.errors);
			this.errorPage = 0;
			this.timings = { checkMs: performance.now() - started };
			this.step = 'review';
		} catch (error) {
			if (run !== this.#run || error instanceof ImportCancelled) return;
			this.failure = { kind: 'check', message: messageOf(error) };
			this.step = 'mapping';
		}
	}

	/**
	 * Sends the file to the server, which checks every row again against the team's accounts and
	 * writes the valid ones in one commit (all of them or, if anything fails, none: the user can then
	 * try again or cancel); once this browser's replica holds them, brings the scores up to date.
	 */
	async write(): Promise<void> {
		const file = this.#file;
		const inspection = this.inspection;
		if (this.step !== 'review' || this.validRows === 0 || !file || !inspection) return;
		const run = ++this.#run;
		const db = getDatabase();
		this.step = 'writing';
		this.failure = null;
		const started = performance.now();
		let answer: ImportAnswer;
		try {
			await storeStarted();
			answer = await uploadCsv({
				file,
				kind: this.kind,
				mapping: $state.snapshot(this.mapping),
				format: inspection.format
			});
		} catch (error) {
			this.failure = { kind: 'write', message: messageOf(error) };
			this.step = 'review';
			return;
		}
		this.result = answer.summary;
		this.summary = answer.check;
		this.errors = answer.errors;
		this.errorPage = 0;
		const answered = performance.now();
		this.timings = { ...this.timings, serverMs: answered - started };
		this.refresh = 'running';
		try {
			await replicaAt(db, answer.revision);
		} catch (error) {
			// Written on the server all the same: this browser gets it when it is back online.
			this.step = 'done';
			this.refresh = { failed: messageOf(error) };
			return;
		}
		const written = performance.now();
		this.timings = { ...this.timings, writeMs: written - started };
		this.step = 'done';
		try {
			const asOf = todayUtc();
			const refreshed = await bringScoresUpToDate(db, asOf);
			if (run !== this.#run) return;
			this.scoredAsOf = asOf;
			this.refresh = 'done';
			this.timings = {
				...this.timings,
				refreshMs: performance.now() - written,
				refresh: refreshed
			};
		} catch (error) {
			if (run === this.#run) this.refresh = { failed: messageOf(error) };
		}
	}

	/** Says what `word` of the outcome column means (`undefined`: what the known words say). */
	setOutcomeWord(word: string, type: OutcomeType | undefined): void {
		const column = this.mapping[this.outcomeColumn];
		if (!column || this.busy) return;
		const values = { ...column.values };
		if (type) values[word] = type;
		else delete values[word];
		column.values = values;
		if (this.step === 'review') this.#toMapping();
	}

	#keepRefusedWords(errors: readonly RowError[]): void {
		const words = [...this.refusedWords];
		for (const error of errors)
			if (error.problem === 'not_an_outcome' && !words.includes(error.value))
				words.push(error.value);
		if (words.length > this.refusedWords.length) this.refusedWords = words;
	}

	/** Back to the mapping to change it; the file is checked again afterwards. */
	editMapping(): void {
		if (this.busy || !this.inspection) return;
		this.#toMapping();
	}

	/** Stops whatever runs (except a write, which is all or nothing) and forgets the file. */
	cancel(): void {
		if (this.step === 'writing') return;
		const wasImporting = this.step !== 'choose' && this.step !== 'done';
		this.#client?.cancel();
		this.#restart();
		this.step = 'choose';
		this.cancelled = wasImporting;
	}

	goToErrorPage(page: number): void {
		this.errorPage = Math.max(0, Math.min(page, this.errorPageCount - 1));
	}

	#toMapping(): void {
		this.#run++;
		this.summary = null;
		this.errors = [];
		this.progress = null;
		this.step = 'mapping';
	}

	/** Forgets everything about the last file; returns the new run's number. */
	#restart(): number {
		this.#file = null;
		this.fileName = '';
		this.inspection = null;
		this.mapping = [];
		this.progress = null;
		this.summary = null;
		this.errors = [];
		this.errorPage = 0;
		this.result = null;
		this.refresh = null;
		this.failure = null;
		this.timings = {};
		this.scoredAsOf = null;
		this.cancelled = false;
		this.refusedWords = [];
		return ++this.#run;
	}
}

export const csvImport = new CsvImport();
