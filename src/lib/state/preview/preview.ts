/**
 * The live preview's computation, pure and synchronous: the worker runs it, tests and benchmarks
 * call it directly. Built once per workspace and date (the accounts' facts), it answers each edit
 * with as little work as the edit needs: the draft is compiled and the accounts it would score are
 * scored with `scoreInto`. Which scorecard scores which account (the first in priority order whose
 * condition holds), how accounts are scored today and each measure's raw values are cached under
 * what decides them, so a threshold edit recomputes none of them.
 */
import {
	parseScorecard,
	NO_DATA,
	type Facts,
	type IsoDate,
	type Scorecard,
	type Workspace
} from '$lib/engine';
import { compileScorecard, factsNeedsOf, type CompiledScorecard } from '$lib/engine/scoring';
import { orderWithDraft, trialOrder } from '../builder/priorities';
import { AccountsFacts } from './accounts-facts';
import {
	assignAccounts,
	bandChanges,
	bandCounts,
	histogramOf,
	matchingAccounts,
	positionsOf,
	restrictScores,
	scoreAssigned,
	scoreCard,
	UNASSIGNED,
	type CardScores
} from './card-scores';
import { Lru } from './lru';
import { measureStats } from './measure-stats';
import { rawKey, rawValues, type RawValues } from './raw-values';
import type { CardCount, MeasureStats, PreviewOutcome, PreviewTimings } from './types';

const key = (value: unknown) => JSON.stringify(value ?? null);

/** What decides which scorecard scores which account: each one's place and condition. */
const orderKey = (cards: readonly Scorecard[]) =>
	key(cards.map((card) => [card.id, card.priority ?? null, card.applies_to ?? null]));

export interface PreviewOptions {
	/**
	 * Every published scorecard, in workspace order (the draft's published version among them):
	 * the draft goes in its place among them. Only `published` when absent.
	 */
	scorecards?: readonly Scorecard[];
	/** Reading the store and building the facts for this request, for the timings. */
	loadMs?: number;
}

/** The published scorecards, the draft's own published version as given (when it is given). */
function liveScorecards(
	draft: Scorecard,
	published: Scorecard | null,
	scorecards: readonly Scorecard[] | undefined
): Scorecard[] {
	const list = (scorecards ?? (published ? [published] : [])).filter(
		(card) => card.status !== 'draft'
	);
	if (!published) return list;
	return list.some((card) => card.id === draft.id)
		? list.map((card) => (card.id === draft.id ? published : card))
		: [...list, published];
}

/** How many of the accounts at `positions` `assigned` gives each scorecard, `skip` left out. */
function countByCard(
	assigned: Int16Array,
	positions: Int32Array,
	skip: number
): Map<number, number> {
	const counts = new Map<number, number>();
	for (const i of positions) {
		const index = assigned[i]!;
		if (index === UNASSIGNED || index === skip) continue;
		counts.set(index, (counts.get(index) ?? 0) + 1);
	}
	return counts;
}

/** How accounts are scored today: by which scorecard (an index into the published ones) and how. */
interface Today {
	assigned: Int16Array;
	scores: CardScores;
}

export class PreviewModel {
	readonly dataVersion: number;
	readonly #data: AccountsFacts;
	readonly #matches = new Lru<string, Int32Array>(16);
	readonly #compiled = new Lru<string, CompiledScorecard>(16);
	readonly #today = new Lru<string, Today>(2);
	readonly #after = new Lru<string, Int16Array>(4);
	readonly #raw = new Lru<string, RawValues>(64);
	readonly #stats = new Lru<string, MeasureStats>(128);
	#segments: { segments: string[]; segment: Uint16Array } | null = null;

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

	/**
	 * The draft scored as it would score once published in its place among the published
	 * scorecards (see `PreviewOptions.scorecards`), against how accounts are scored today.
	 */
	preview(
		draft: Scorecard,
		published: Scorecard | null,
		options: PreviewOptions = {}
	): PreviewOutcome {
		const loadMs = options.loadMs ?? 0;
		const started = performance.now();
		const checked = parseScorecard(draft);
		if (!checked.ok) return { ok: false, reason: 'invalid', issues: checked.errors };
		try {
			const compiled = compileScorecard(draft);
			const live = liveScorecards(draft, published, options.scorecards);
			const liveCompiled = live.map((card) =>
				this.#compiled.get(key(card), () => compileScorecard(card))
			);
			const compileMs = performance.now() - started;
			const { facts, rebuilt } = this.#data.facts(factsNeedsOf([compiled, ...liveCompiled]));
			if (rebuilt) this.#forget();

			const scoring = performance.now();
			const own = live.findIndex((card) => card.id === draft.id);
			const draftIndex = own >= 0 ? own : live.length;
			const named = own >= 0 ? live.map((card, i) => (i === own ? draft : card)) : [...live, draft];
			const countOf = (index: number, count: number): CardCount => ({
				id: named[index]!.id,
				name: named[index]!.name || named[index]!.id,
				priority: named[index]!.priority ?? null,
				count
			});

			const today = this.#todayOf(live, liveCompiled, facts);
			const after = this.#afterOf(live, liveCompiled, draft, compiled, draftIndex, facts);
			const matching = this.#matching(compiled, facts);
			const scored = positionsOf(after, draftIndex);
			const scores = scoreCard(compiled, facts, scored);

			const lost = countByCard(after, matching, draftIndex);
			const lostTo = orderWithDraft(live, draft).flatMap((card) => {
				const index = card === draft ? draftIndex : live.indexOf(card);
				return lost.has(index) ? [countOf(index, lost.get(index)!)] : [];
			});
			const taken = countByCard(today.assigned, scored, own);
			const takenFrom = trialOrder(live).flatMap((card) => {
				const index = live.indexOf(card);
				return taken.has(index) ? [countOf(index, taken.get(index)!)] : [];
			});

			// Compared with today: the accounts it would score, and those its published version scores.
			let compared: CardScores | null = null;
			if (live.length > 0) {
				const keep = new Uint8Array(facts.length);
				for (const i of scored) keep[i] = 1;
				if (own >= 0) for (const i of positionsOf(today.assigned, own)) keep[i] = 1;
				compared = restrictScores(today.scores, keep);
			}
			const { bands, noData } = bandCounts(scores, compared);
			const accounts = this.#data.accounts;
			const changes = compared ? bandChanges(compared, scores, (i) => accounts[i]!, NO_DATA) : null;
			const histogram = histogramOf(scores);
			const todayHistogram = compared ? histogramOf(compared) : null;

			const stating = performance.now();
			const measures =
				scored.length > 0
					? this.#measureStats(draft, facts, scored, `scored\u0000${this.#afterKey(live, draft)}`)
					: this.#measureStats(draft, facts, matching, `matching\u0000${key(draft.applies_to)}`);
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
					scored: scored.length,
					lostTo,
					takenFrom,
					noData,
					bands,
					histogram,
					todayHistogram,
					changes,
					assignment: {
						...this.#segmentsOf(),
						cards: named.map((card) => card.id),
						before: today.assigned,
						after
					},
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

	/** Which published scorecard scores each account today, and its scores. */
	#todayOf(
		live: readonly Scorecard[],
		compiled: readonly CompiledScorecard[],
		facts: readonly Facts[]
	): Today {
		return this.#today.get(key(live), () => {
			const assigned = assignAccounts(
				facts.length,
				trialOrder(live).map((card) => {
					const index = live.indexOf(card);
					return { index, matching: this.#matching(compiled[index]!, facts) };
				})
			);
			return { assigned, scores: scoreAssigned(compiled, facts, assigned) };
		});
	}

	#afterKey(live: readonly Scorecard[], draft: Scorecard): string {
		return `${orderKey(live)}\u0000${orderKey([draft])}`;
	}

	/** Which scorecard would score each account once the draft is published in its place. */
	#afterOf(
		live: readonly Scorecard[],
		liveCompiled: readonly CompiledScorecard[],
		draft: Scorecard,
		compiled: CompiledScorecard,
		draftIndex: number,
		facts: readonly Facts[]
	): Int16Array {
		return this.#after.get(this.#afterKey(live, draft), () =>
			assignAccounts(
				facts.length,
				orderWithDraft(live, draft).map((card) => {
					if (card === draft)
						return { index: draftIndex, matching: this.#matching(compiled, facts) };
					const index = live.indexOf(card);
					return { index, matching: this.#matching(liveCompiled[index]!, facts) };
				})
			)
		);
	}

	/** Each live account's segment, as an index into the distinct segments. */
	#segmentsOf(): { segments: string[]; segment: Uint16Array } {
		if (this.#segments) return this.#segments;
		const segments: string[] = [];
		const index = new Map<string, number>();
		const segment = Uint16Array.from(this.#data.accounts, (account) => {
			let found = index.get(account.segment);
			if (found === undefined)
				index.set(account.segment, (found = segments.push(account.segment) - 1));
			return found;
		});
		this.#segments = { segments, segment };
		return this.#segments;
	}

	/** Each measure's stats, from its raw values (cached by how it reads them) and the accounts. */
	#measureStats(
		draft: Scorecard,
		facts: readonly Facts[],
		positions: Int32Array,
		setKey: string
	): Record<string, MeasureStats> {
		const measures: Record<string, MeasureStats> = {};
		for (const group of draft.groups) {
			for (const measure of group.measures) {
				const raw = rawKey(measure);
				measures[measure.id] = this.#stats.get(`${setKey}\u0000${raw}`, () =>
					measureStats(
						measure.id,
						this.#raw.get(raw, () => rawValues(measure, facts)),
						positions
					)
				);
			}
		}
		return measures;
	}

	/** Drops everything computed from facts that were just rebuilt. */
	#forget(): void {
		this.#matches.clear();
		this.#today.clear();
		this.#after.clear();
		this.#raw.clear();
		this.#stats.clear();
	}
}
