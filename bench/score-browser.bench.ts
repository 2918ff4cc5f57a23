/**
 * `npm run bench:score-browser`: scoring speed in Chromium under the app's own policies (csp.js),
 * on the page and in a dedicated worker, against the same scorecards written by hand in the same
 * place (`./browser-score.ts`). The page forbids eval, so there the engine takes its closures (the
 * path the issue measured at 22x hand-written); the workers, where the app scores, compile each
 * scorecard to one function. Prints both, and the target: within 3x of hand-written. (Worker
 * scripts used to come with no policy at all, which Chromium reads as "anything goes", eval
 * included; theirs is now stated, narrower than a page's but for eval, and tested.) BENCH_ACCOUNTS=N changes the count (100,000).
 */
import { runPoliced } from '../tests/support/policed-browser';
import type { run } from './browser-score';

const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 100_000);
const format = (n: number, digits = 0) =>
	n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

console.log(`Scorecraft scoring in Chromium: ${format(ACCOUNTS)} sample accounts`);
const results = await runPoliced<ReturnType<typeof run>>(
	'./bench/browser-score.ts',
	{ accounts: ACCOUNTS },
	{ timeoutMs: 600_000 }
);
console.log(
	`${'where'.padEnd(40)}${'engine'.padEnd(14)}${'accounts/s'.padStart(12)}${'hand-written/s'.padStart(16)}${'time vs hand'.padStart(14)}`
);
const rows = [
	['the page (its policy: no eval)', results.page],
	['a worker (its own policy)', results.worker]
] as const;
for (const [where, result] of rows) {
	console.log(
		`${where.padEnd(40)}${(result.backend === 'function' ? 'one function' : 'closures').padEnd(14)}${format((result.accounts / result.engineMs) * 1000).padStart(12)}${format((result.accounts / result.handMs) * 1000).padStart(16)}${`${format(result.engineMs / result.handMs, 2)}x`.padStart(14)}`
	);
}
const ratio = results.worker.engineMs / results.worker.handMs;
const identical = rows.every(([, result]) => result.differing === 0);
console.log(
	`target, where the app scores (its workers): within 3x of hand-written: ${format(ratio, 2)}x ${ratio <= 3 ? 'met' : 'MISSED'}`
);
console.log(`same numbers as hand-written on every account, on both: ${identical ? 'yes' : 'NO'}`);
process.exitCode = identical ? 0 : 1;
