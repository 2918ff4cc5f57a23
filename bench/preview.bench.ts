/**
 * `node --import tsx bench/preview.bench.ts`: how long the scorecard builder's live preview takes
 * per edit, in Node, on the pure computation the preview worker runs (no worker, no messaging, no
 * IndexedDB, no rendering: bench/preview-browser.bench.ts times the same kind of edits in Chromium,
 * from the edit to the page, and `npm run bench:preview` runs both).
 *
 * The Scale scorecard, made to apply to every account, with a threshold dragged step by step as a
 * user would; each step is a new draft compared with the published version. BENCH_ACCOUNTS=N sets
 * the sample's size (12,500 by default: about 10,000 of them are live, i.e. not churned).
 */
import type { Scorecard } from '../src/lib/engine';
import { generateSample, SAMPLE_END } from '../src/lib/engine/sample';
import { PreviewModel } from '../src/lib/state/preview/preview';

const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 12_500);
const format = (n: number, digits = 1) =>
	n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function percentile(sorted: readonly number[], p: number): number {
	return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

function summary(label: string, times: number[]): Record<string, number> {
	const sorted = [...times].sort((a, b) => a - b);
	const figures = {
		median: percentile(sorted, 0.5),
		p95: percentile(sorted, 0.95),
		max: sorted.at(-1)!
	};
	console.log(
		`${label}: median ${format(figures.median)} ms, p95 ${format(figures.p95)} ms, max ${format(figures.max)} ms (${times.length} edits)`
	);
	return figures;
}

/** The Scale scorecard with its seat-penetration threshold for 95 points at `threshold`. */
function withThreshold(base: Scorecard, threshold: number): Scorecard {
	const [deployment, ...rest] = base.groups;
	const [seats] = deployment!.measures;
	if (seats!.scoring.type !== 'steps') throw new Error('expected steps');
	const steps = seats!.scoring.steps.map((step, i) =>
		i === 0 ? { ...step, min: threshold } : step
	);
	return {
		...base,
		groups: [
			{ ...deployment!, measures: [{ ...seats!, scoring: { ...seats!.scoring, steps } }] },
			...rest
		]
	};
}

console.log(
	`Scorecraft preview benchmark: ${ACCOUNTS.toLocaleString('en-US')} sample accounts, Node ${process.version}`
);
let started = performance.now();
const workspace = generateSample({ accounts: ACCOUNTS });
console.log(`generated the sample in ${format(performance.now() - started, 0)} ms`);

started = performance.now();
const model = new PreviewModel(workspace, SAMPLE_END);
model.warm();
console.log(
	`built the facts of every account in ${format(performance.now() - started, 0)} ms (once per load)`
);

const scale = workspace.scorecards.find((card) => card.id === 'scale')!;
const published: Scorecard = { ...scale, applies_to: undefined };

started = performance.now();
const first = model.preview(withThreshold(published, 0.8), published);
if (!first.ok) throw new Error(JSON.stringify(first));
console.log(
	`first preview (each measure's raw values read): ${format(performance.now() - started)} ms; ${first.result.matching.toLocaleString('en-US')} matching accounts of ${first.result.accounts.toLocaleString('en-US')} live`
);

const times: number[] = [];
let moved = 0;
for (let step = 0; step <= 45; step++) {
	const draft = withThreshold(published, 0.5 + step / 100);
	const begun = performance.now();
	const outcome = model.preview(draft, published);
	times.push(performance.now() - begun);
	if (!outcome.ok) throw new Error(JSON.stringify(outcome));
	moved = Math.max(moved, outcome.result.changes!.moved);
}
const threshold = summary(
	'threshold dragged (compile + score every matching account + band moves)',
	times
);
console.log(`  up to ${moved.toLocaleString('en-US')} accounts moving band along the way`);

// An edit that changes which accounts match, and one that changes how a value is read: the cold paths.
const cold: number[] = [];
for (const segment of ['mid', 'enterprise', 'scale']) {
	const begun = performance.now();
	model.preview({ ...published, applies_to: { '!=': [{ var: 'segment' }, segment] } }, published);
	cold.push(performance.now() - begun);
}
const appliesTo = summary(
	'segment condition edited (which accounts match, measures restated)',
	cold
);

const valueTimes: number[] = [];
for (const field of ['seats_active', 'users_active_30d', 'power_users']) {
	const draft = structuredClone(published);
	draft.groups[0]!.measures[0]!.value = { '/': [{ var: field }, { var: 'seats_purchased' }] };
	const begun = performance.now();
	model.preview(draft, published);
	valueTimes.push(performance.now() - begun);
}
const value = summary(
	"a measure's value expression edited (its raw values read again)",
	valueTimes
);

console.log(
	JSON.stringify({ accounts: first.result.matching, threshold, appliesTo, value }, null, '\t')
);
