/**
 * What `score-browser.bench.ts` runs in Chromium, once on a page and once in a worker: the sample's
 * scorecards compiled as the app compiles them there (`auto`: one function where eval is allowed,
 * closures where not), timed on every account next to the same scorecards written by hand, after
 * a check that both give the same numbers.
 */
import {
	compileScorecards,
	FactsBuilder,
	selectScorecard,
	SnapshotIndex,
	type Facts
} from '../src/lib/engine';
import { resolveBackend } from '../src/lib/engine/logic';
import { generateSample, SAMPLE_END } from '../src/lib/engine/sample';
import { sameValue } from '../tests/support/random-logic';
import { scoreByHandInto } from './handwritten';

const median = (values: number[]) =>
	[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Median milliseconds per pass over all accounts, after a warm-up pass. */
function measure(pass: () => void, rounds: number): number {
	pass();
	const times: number[] = [];
	for (let round = 0; round < rounds; round++) {
		const start = performance.now();
		pass();
		times.push(performance.now() - start);
	}
	return median(times);
}

export function run({ accounts }: { accounts: number }) {
	const workspace = generateSample({ accounts, weeks: 2, seed: 1 });
	const snapshots = new SnapshotIndex(workspace.snapshots);
	const builder = new FactsBuilder(workspace.accounts, workspace.snapshots);
	const facts: Facts[] = workspace.accounts.map((account) =>
		builder.build(account, snapshots.latestOnOrBefore(account.id, SAMPLE_END))
	);
	const compiled = compileScorecards(workspace.scorecards, 'auto');
	const byHand = Object.fromEntries(compiled.map((card) => [card.id, new Float64Array(card.resultLength)])); // prettier-ignore
	const byEngine = Object.fromEntries(compiled.map((card) => [card.id, new Float64Array(card.resultLength)])); // prettier-ignore
	const engineInto = (f: Facts): string | null => {
		const card = selectScorecard(compiled, f);
		if (!card) return null;
		card.scoreInto(f, byEngine[card.id]!);
		return card.id;
	};

	let differing = 0;
	for (const f of facts) {
		const hand = scoreByHandInto(f, byHand);
		const engine = engineInto(f);
		if (hand !== engine || (hand && !sameValue([...byHand[hand]!], [...byEngine[hand]!])))
			differing++;
	}

	let sink = 0;
	const handMs = measure(() => {
		for (let i = 0; i < facts.length; i++) sink += scoreByHandInto(facts[i]!, byHand) ? 1 : 0;
	}, 9);
	const engineMs = measure(() => {
		for (let i = 0; i < facts.length; i++) sink += engineInto(facts[i]!) ? 1 : 0;
	}, 9);
	return {
		backend: resolveBackend('auto'),
		accounts: facts.length,
		differing,
		handMs,
		engineMs,
		sink
	};
}
