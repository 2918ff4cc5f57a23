/**
 * The live preview's computation, pure and synchronous: the worker runs it, tests and benchmarks
 * call it directly. Built once per workspace and date (the accounts' facts), it answers each edit
 * with as little work as the edit needs: the draft is compiled and every matching account scored
 * with `scoreInto`; which accounts match, the published version's scores and each measure's raw
 * values are cached under what decides them, so a threshold edit recomputes none of them.
 */
import {
	parseWorkspace,
	WORKSPACE_FORMAT,
	WORKSPACE_VERSION,
	NO_DATA,
	type Facts,
	type IsoDate,
	type Scorecard,
	type Workspace,
	type WorkspaceIssue
} from '$lib/engine';
import { compileScorecard, factsNeedsOf, type CompiledScorecard } from '$lib/engine/scoring';
import { AccountsFacts } from './accounts-facts';
import {
	bandChanges,
	bandCounts,
	histogramOf,
	matchingAccounts,
	scoreCard,
	type CardScores
} from './card-scores';
import { Lru } from './lru';
import { measureStats } from './measure-stats';
import { rawKey, rawValues, type RawValues } from './raw-values';
import type { MeasureStats, PreviewOutcome, PreviewTimings } from './types';

const PREFIX = 'scorecards[0]';

/** The draft's problems by the workspace's own rules (schema, JSON-logic, unique ids); none when valid. */
export function draftIssues(draft: Scorecard): WorkspaceIssue[] {
	const parsed = parseWorkspace({
		format: WORKSPACE_FORMAT,
		version: WORKSPACE_VERSION,
		accounts: [],
		contacts: [],
		snapshots: [],
		outcomes: [],
		scorecards: [draft],
		plays: [],
		templates: [],
		settings: {}
	});
	if (parsed.ok) return [];
	return parsed.errors.map((issue) => ({
		...issue,
		path: issue.path.startsWith(`${PREFIX}.`) ? issue.path.slice(PREFIX.length + 1) : issue.path
	}));
}

const key = (value: unknown) => JSON.stringify(value ?? null);

export class PreviewModel {
	readonly dataVersion: number;
	readonly #data: AccountsFacts;
	readonly #matches = new Lru<string, Int32Array>(4);
	readonly #publishedCards = new Lru<string, CompiledScorecard>(2);
	readonly #published = new Lru<string, CardScores>(2);
	readonly #raw = new Lru<string, RawValues>(64);
	readonly #stats = new Lru<string, MeasureStats>(128);

	constructor(workspace: Workspace, asOf: IsoDate, dataVersion = 0) {
		this.#data = new AccountsFacts(workspace, asOf);
		this.dataVersion = dataVersion;
	}

	get asOf(): IsoDate {
		return this.#data.asOf;
	}

	/** Builds the facts now (they are built on the first preview otherwise). */
	warm(): void {
		this.#data.facts({});
	}

	preview(draft: Scorecard, published: Scorecard | null, loadMs = 0): PreviewOutcome {
		const started = performance.now();
		const issues = draftIssues(draft);
		if (issues.length > 0) return { ok: false, reason: 'invalid', issues };
		try {
			const compiled = compileScorecard(draft);
			const publishedKey = key(published);
			const before = published
				? this.#publishedCards.get(publishedKey, () => compileScorecard(published))
				: null;
			const compileMs = performance.now() - started;
			const { facts, rebuilt } = this.#data.facts(
				factsNeedsOf(before ? [compiled, before] : [compiled])
			);
			if (rebuilt) this.#forget();

			const scoring = performance.now();
			const matching = this.#matching(compiled, facts);
			const scores = scoreCard(compiled, facts, matching);
			const old =
				before &&
				this.#published.get(publishedKey, () =>
					scoreCard(before, facts, this.#matching(before, facts))
				);
			const { bands, noData } = bandCounts(scores, old);
			const accounts = this.#data.accounts;
			const changes = old ? bandChanges(old, scores, (i) => accounts[i]!, NO_DATA) : null;
			const histogram = histogramOf(scores);
			const publishedHistogram = old ? histogramOf(old) : null;

			const stating = performance.now();
			const measures = this.#measureStats(draft, facts, matching);
			const done = performance.now();
			const timings: PreviewTimings = {
				loadMs,
				compileMs,
				scoreMs: stating - scoring,
				statsMs: done - stating,
				totalMs: loadMs + done - started
			};
			return {
				ok: true,
				result: {
					asOf: this.asOf,
					dataVersion: this.dataVersion,
					accounts: accounts.length,
					matching: matching.length,
					noData,
					bands,
					histogram,
					publishedHistogram,
					changes,
					measures,
					fields: this.#data.fields,
					timings
				}
			};
		} catch (error) {
			return {
				ok: false,
				reason: 'failed',
				message: error instanceof Error ? error.message : String(error)
			};
		}
	}

	#matching(card: CompiledScorecard, facts: readonly Facts[]): Int32Array {
		return this.#matches.get(key(card.scorecard.applies_to), () => matchingAccounts(card, facts));
	}

	/** Each measure's stats, from its raw values (cached by how it reads them) and the matching set. */
	#measureStats(
		draft: Scorecard,
		facts: readonly Facts[],
		matching: Int32Array
	): Record<string, MeasureStats> {
		const measures: Record<string, MeasureStats> = {};
		const matchKey = key(draft.applies_to);
		for (const group of draft.groups) {
			for (const measure of group.measures) {
				const raw = rawKey(measure);
				measures[measure.id] = this.#stats.get(`${matchKey}\u0000${raw}`, () =>
					measureStats(
						measure.id,
						this.#raw.get(raw, () => rawValues(measure, facts)),
						matching
					)
				);
			}
		}
		return measures;
	}

	/** Drops everything computed from facts that were just rebuilt. */
	#forget(): void {
		this.#matches.clear();
		this.#published.clear();
		this.#raw.clear();
		this.#stats.clear();
	}
}
