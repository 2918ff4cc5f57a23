/**
 * `npm run bench`: accounts scored per second on 100,000 sample accounts by the compiled engine,
 * next to the same scorecards written by hand and interpreted by json-logic-js, in one run, and a
 * check that every scorer gives identical results on every account.
 *
 * Two workloads: the scores alone (overall, groups and measures as numbers, what a portfolio view,
 * a history or a backtest needs for every account) and the scores with their explanation (the
 * objects an account page or `engine score` prints). BENCH_ACCOUNTS=N changes the count.
 */
import {
	compileScorecards,
	FactsBuilder,
	scoreFacts,
	selectScorecard,
	SnapshotIndex,
	type AccountScore,
	type Facts
} from '../src/lib/engine';
import { generateSample, SAMPLE_END } from '../src/lib/engine/sample';
import { referenceScore, referenceScorecard } from '../tests/support/reference-scorer';
import { sameValue } from '../tests/support/random-logic';
import { scoreByHand, scoreByHandInto } from './handwritten';

const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 100_000);
const format = (n: number, digits = 0) =>
	n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

console.log(
	`Scorecraft scoring benchmark: ${format(ACCOUNTS)} sample accounts as of ${SAMPLE_END}, Node ${process.version}`
);
let started = performance.now();
const workspace = generateSample({ accounts: ACCOUNTS, weeks: 2, seed: 1 });
const snapshots = new SnapshotIndex(workspace.snapshots);
const builder = new FactsBuilder(workspace.accounts, workspace.snapshots);
const facts: Facts[] = workspace.accounts.map((account) =>
	builder.build(account, snapshots.latestOnOrBefore(account.id, SAMPLE_END))
);
const ids = workspace.accounts.map((account) => account.id);
console.log(
	`generated the sample and built the facts in ${format(performance.now() - started)} ms`
);

started = performance.now();
const compiled = compileScorecards(workspace.scorecards, 'function');
console.log(
	`compiled the ${compiled.length} scorecards to functions in ${format(performance.now() - started, 2)} ms`
);
const closures = compileScorecards(workspace.scorecards, 'closure');
const reference = compiled.map((card) => referenceScorecard(card.scorecard));
const wholeReference = compiled.map((card) => referenceScorecard(card.scorecard, 'json-logic'));
const buffers = Object.fromEntries(
	compiled.map((card) => [card.id, new Float64Array(card.resultLength)])
);

/** A scorer of the numbers writes them into its scorecard's buffer and returns that buffer. */
type NumberScorer = (facts: Facts) => Float64Array | null;
type FullScorer = (facts: Facts, accountId: string) => AccountScore;

const numberScorers: [string, NumberScorer][] = [
	['hand-written JavaScript', (f) => { const id = scoreByHandInto(f, buffers); return id ? buffers[id]! : null; }], // prettier-ignore
	['compiled to one function', (f) => { const card = selectScorecard(compiled, f); return card ? (card.scoreInto(f, buffers[card.id]!), buffers[card.id]!) : null; }], // prettier-ignore
	['compiled to closures (no eval)', (f) => { const card = selectScorecard(closures, f); return card ? (card.scoreInto(f, buffers[card.id]!), buffers[card.id]!) : null; }], // prettier-ignore
	['json-logic-js on the rules', (f) => { const i = reference.findIndex((card) => card.appliesTo(f)); if (i < 0) return null; const out = buffers[compiled[i]!.id]!; reference[i]!.scoreInto(f, out); return out; }], // prettier-ignore
	['json-logic-js on all the logic', (f) => { const i = wholeReference.findIndex((card) => card.appliesTo(f)); if (i < 0) return null; const out = buffers[compiled[i]!.id]!; wholeReference[i]!.scoreInto(f, out); return out; }] // prettier-ignore
];
const fullScorers: [string, FullScorer][] = [
	['hand-written JavaScript', scoreByHand],
	['compiled to one function', (f, id) => scoreFacts(compiled, f, id)],
	['compiled to closures (no eval)', (f, id) => scoreFacts(closures, f, id)],
	['json-logic-js on the rules', (f, id) => referenceScore(reference, f, id)],
	['json-logic-js on all the logic', (f, id) => referenceScore(wholeReference, f, id)]
];

// Correctness first: every scorer against json-logic-js, account by account, in both workloads.
let identical = true;
const expected = facts.map((f, i) => fullScorers[3]![1](f, ids[i]!));
const expectedNumbers = facts.map((f) => { const out = numberScorers[3]![1](f); return out ? [...out] : null; }); // prettier-ignore
for (const [name, score] of [...fullScorers.slice(0, 3), fullScorers[4]!]) {
	const differing = facts.filter((f, i) => !sameValue(score(f, ids[i]!), expected[i]));
	if (differing.length) identical = false;
	console.log(
		`${differing.length ? 'DIFFERENT' : 'identical'}: ${name}, with explanations, = json-logic-js on ${format(facts.length - differing.length)} of ${format(facts.length)} accounts`
	);
}
for (const [name, score] of [...numberScorers.slice(0, 3), numberScorers[4]!]) {
	const differing = facts.filter((f, i) => { const out = score(f); return !sameValue(out ? [...out] : null, expectedNumbers[i]); }); // prettier-ignore
	if (differing.length) identical = false;
	console.log(
		`${differing.length ? 'DIFFERENT' : 'identical'}: ${name}, numbers, = json-logic-js on ${format(facts.length - differing.length)} of ${format(facts.length)} accounts`
	);
}
expected.length = 0;
expectedNumbers.length = 0;

const ROUNDS: Record<string, number> = {
	'json-logic-js on the rules': 3,
	'json-logic-js on all the logic': 3,
	'compiled to closures (no eval)': 5
};
const median = (values: number[]) =>
	[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
let sink = 0;

/**
 * Median milliseconds per pass over all accounts, after a warm-up pass. (No forced collection in
 * between: a full collection moves the accounts' objects and costs the fast scorers their memory
 * locality, which is then what gets measured.)
 */
function measure(run: () => void, rounds: number): number {
	run();
	const times: number[] = [];
	for (let round = 0; round < rounds; round++) {
		const start = performance.now();
		run();
		times.push(performance.now() - start);
	}
	return median(times);
}

function report(
	title: string,
	results: [string, number][]
): { vsHand: number; vsRules: number; vsAllLogic: number } {
	const hand = results[0]![1];
	console.log(
		`\n${title}\n${'scorer'.padEnd(34)}${'accounts/s'.padStart(14)}${'ms per pass'.padStart(14)}${'time vs hand-written'.padStart(23)}`
	);
	for (const [name, time] of results) {
		console.log(
			`${name.padEnd(34)}${format((facts.length / time) * 1000).padStart(14)}${format(time, 1).padStart(14)}${`${format(time / hand, 2)}x`.padStart(23)}`
		);
	}
	const compiledTime = results[1]![1];
	return {
		vsHand: compiledTime / hand,
		vsRules: results[3]![1] / compiledTime,
		vsAllLogic: results[4]![1] / compiledTime
	};
}

const numbers = report(
	'Scores (overall, groups and measures as numbers):',
	numberScorers.map(([name, score]) => [
		name,
		measure(() => {
			for (let i = 0; i < facts.length; i++) sink += score(facts[i]!)?.[0] ?? 0;
		}, ROUNDS[name] ?? 15)
	])
);
const explained = report(
	'Scores with their explanations (one result object per account, as `engine score` prints):',
	fullScorers.map(([name, score]) => [
		name,
		measure(() => {
			// Results are used and dropped, as a page or a plan would, so none outlives the pass.
			for (let i = 0; i < facts.length; i++) sink += score(facts[i]!, ids[i]!).missing.length;
		}, ROUNDS[name] ?? 9)
	])
);

const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
console.log(`\ntargets, on the scores:`);
console.log(
	`  compiled vs hand-written: ${format(numbers.vsHand, 2)}x the time (target: within 1.5x) ${verdict(numbers.vsHand <= 1.5)}`
);
console.log(
	`  compiled vs json-logic-js interpreting the scorecards' logic: ${format(numbers.vsAllLogic, 0)}x faster (target: at least 50x) ${verdict(numbers.vsAllLogic >= 50)}`
);
console.log(
	`  (vs json-logic-js on the rules only, scorings in JavaScript: ${format(numbers.vsRules, 0)}x faster)`
);
console.log(
	`with explanations: ${format(explained.vsHand, 2)}x the hand-written time; ${format(explained.vsAllLogic, 0)}x and ${format(explained.vsRules, 0)}x faster than the two json-logic-js baselines`
);
console.log(`results identical on every account: ${identical ? 'yes' : 'NO'}`);
if (Number.isNaN(sink)) console.log('(unreachable: keeps the results alive)');
process.exitCode = identical ? 0 : 1;
