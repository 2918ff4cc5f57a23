/**
 * Compiles a whole scorecard into one JavaScript function: every rule inlined, every threshold a
 * constant, no loop over the JSON per account. It computes exactly what `closureScorer` computes
 * (same operations in the same order, so the same floating-point results); tests hold it to that.
 */
import { emitLogic, helpers as logicHelpers, literal, SourceContext } from '../logic/source';
import { decayedValue, explanation, isFresh, lastKnown } from './evaluate';
import { clampScore, NO_DATA, scoringScope, toNumber } from './measure';
import type { MeasurePlan, ScorecardPlan } from './plan';
import type { Scorer } from './interpret';

/** A measure's explanation from the locals the generated code keeps, as `explanation` makes it. */
function explain(
	value: unknown,
	score: number | null,
	share: number,
	stale: boolean,
	imputed: number,
	date: string | null
) {
	return explanation(
		{
			value,
			score,
			...(stale ? { stale: true as const } : {}),
			...(imputed ? { imputed: imputed === 1 ? ('score' as const) : ('last_known' as const) } : {}),
			...(date ? { value_date: date } : {})
		},
		share
	);
}

const helpers = {
	...logicHelpers,
	toNumber,
	scoringScope,
	decayedValue,
	isFresh,
	lastKnown,
	explain
};

/**
 * The test that every fact the measure requires is there. A top-level fact is read once into a
 * local variable that the measure's rule then uses, as hand-written code would.
 */
function requiredCheck(
	measure: MeasurePlan,
	measureIndex: number,
	context: SourceContext,
	locals: string[],
	data: string
): string {
	context.bindings.clear();
	if (measure.required.length === 0) return 'true';
	return measure.required
		.map((path, r) => {
			if (path.includes('.') || data !== 'f')
				return `${emitLogic({ var: path }, data, context, true)} !== null`;
			const local = `a${measureIndex}_${r}`;
			locals.push(local);
			context.bindings.set(path, local);
			return `(${local} = f[${JSON.stringify(path)}]) != null`;
		})
		.join(' && ');
}

/** The decayed value over the periods attached to `data`, each period's facts in `p`. */
function decayedValueSource(measure: MeasurePlan, context: SourceContext, data: string): string {
	context.bindings.clear();
	const required = measure.required.map(
		(path) => `${emitLogic({ var: path }, 'p', context, true)} !== null`
	);
	const value = emitLogic(measure.value, 'p', context, true);
	const guarded = required.length ? `(${required.join(' && ')} ? ${value} : null)` : value;
	return `h.decayedValue(${data}, ${measure.decayPeriods}, (p) => ${guarded})`;
}

/**
 * The code that evaluates one measure on the facts in `data` into the variables `out` names
 * (value, score, stale), as `evaluateOn` does: freshness of a manual entry, required facts, the
 * value (decayed or not), its points, clamped; an error leaves the measure without data.
 */
function measureBlock(
	measure: MeasurePlan,
	i: number,
	context: SourceContext,
	locals: string[],
	data: string,
	out: { value: string; score: string; stale: string }
): string[] {
	const decayed = measure.decayPeriods > 0;
	const fresh =
		measure.manualValidity > 0
			? `h.isFresh(${data}, ${JSON.stringify(measure.id)}, ${measure.manualValidity})`
			: 'true';
	const lines = [
		// A measure read from data has no freshness to check: no branch for it.
		...(measure.manualValidity > 0 ? [`if (!${fresh}) { ${out.stale} = true; } else`] : []),
		`if (${decayed ? 'true' : requiredCheck(measure, i, context, locals, data)}) {`,
		`  try {`,
		`    v = ${decayed ? decayedValueSource(measure, context, data) : emitLogic(measure.value, data, context, true)};`,
		`    if (v !== null && v !== undefined && (typeof v !== "number" || v - v === 0)) {`,
		`      s = ${scoreExpression(measure, context, data)};`,
		`      ${out.score} = s - s === 0 ? (s < 0 ? 0 : s > 100 ? 100 : s) : null;`,
		`      ${out.value} = v;`,
		`    }`,
		`  } catch (error) { ${out.value} = null; ${out.score} = null; }`,
		`}`
	];
	context.bindings.clear();
	return lines;
}

/** Whether a measure's explanation can carry marks (stale, imputed), kept in extra locals. */
function hasMarks(measure: MeasurePlan): boolean {
	return measure.manualValidity > 0 || measure.missing.policy !== 'leave_out';
}

/** What the measure's missing-data policy does when its score is still null. */
function policyBlock(
	measure: MeasurePlan,
	i: number,
	context: SourceContext,
	locals: string[]
): string[] {
	const policy = measure.missing;
	if (policy.policy === 'score') {
		return [
			`if (s${i} === null) { v${i} = null; s${i} = ${literal(clampScore(policy.score), context)}; im${i} = 1; }`
		];
	}
	if (policy.policy === 'last_known') {
		const block = measureBlock(measure, i, context, locals, 'g', {
			value: 'lv',
			score: 'ls',
			stale: 'lst'
		});
		return [
			`if (s${i} === null) {`,
			`  const r = h.lastKnown(f, ${policy.max_days}, (g) => { let lv = null, ls = null, lst = false;`,
			...block.map((line) => `    ${line}`),
			`    return { value: lv, score: ls }; });`,
			`  if (r !== null) { v${i} = r.result.value; s${i} = r.result.score; st${i} = false; im${i} = 2; d${i} = r.date; }`,
			`}`
		];
	}
	return [];
}

/** Points for the raw value in `v` (present): NaN when the value cannot be scored. */
function scoreExpression(measure: MeasurePlan, context: SourceContext, data: string): string {
	const scoring = measure.scoring;
	const n = (value: number) => literal(value, context);
	const numeric = 'x = typeof v === "number" ? v : h.toNumber(v), x !== x ? NaN : ';
	switch (scoring.type) {
		case 'steps': {
			const steps = scoring.steps
				.map((step) =>
					step.min !== undefined
						? `x >= ${n(step.min)} ? ${n(step.score)} : `
						: `x <= ${n(step.max!)} ? ${n(step.score)} : `
				)
				.join('');
			return `(${numeric}${steps}${n(scoring.else ?? 0)})`;
		}
		case 'linear': {
			const points = scoring.points;
			let source = `x <= ${n(points[0]![0])} ? ${n(points[0]![1])} : `;
			for (let i = 1; i < points.length; i++) {
				const [x0, y0] = points[i - 1]!;
				const [x1, y1] = points[i]!;
				source += `x <= ${n(x1)} ? ${n(y0)} + ((x - ${n(x0)}) * (${n(y1)} - ${n(y0)})) / (${n(x1)} - ${n(x0)}) : `;
			}
			return `(${numeric}${source}${n(points[points.length - 1]![1])})`;
		}
		case 'map': {
			const entries = Object.entries(scoring.map)
				.map(([key, score]) => `k === ${JSON.stringify(key)} ? ${n(score)} : `)
				.join('');
			return `(k = String(v), ${entries}${n(scoring.else ?? 0)})`;
		}
		case 'logic':
			return `(sc = h.scoringScope(${data}, v), h.toNumber(${emitLogic(scoring.logic, 'sc', context, true)}))`;
	}
}

/** The source of both scorers: the measures and groups are shared, only the result differs. */
export function scorerSource(plan: ScorecardPlan): {
	full: string;
	numeric: string;
	constants: unknown[];
} {
	const context = new SourceContext();
	const locals: string[] = [];
	const lines: string[] = [];
	const key = (id: string) => `[${JSON.stringify(id)}]`;
	const measureIndex = new Map<MeasurePlan, number>();
	plan.measures.forEach((measure, i) => {
		measureIndex.set(measure, i);
		lines.push(
			hasMarks(measure)
				? `let v${i} = null, s${i} = null, st${i} = false, im${i} = 0, d${i} = null;`
				: `let v${i} = null, s${i} = null;`,
			...measureBlock(measure, i, context, locals, 'f', {
				value: `v${i}`,
				score: `s${i}`,
				stale: `st${i}`
			}),
			...policyBlock(measure, i, context, locals)
		);
	});
	lines.unshift(`let t, v, x, k, sc, q, s${locals.map((local) => `, ${local}`).join('')};`);
	plan.groups.forEach((group, g) => {
		lines.push(`let w${g} = 0, u${g} = 0;`);
		for (const measure of group.measures) {
			const i = measureIndex.get(measure)!;
			const w = literal(measure.weight, context);
			lines.push(`if (s${i} !== null) { w${g} += ${w}; u${g} += ${w} * s${i}; }`);
		}
		// As `weightedMean`: null, never NaN, when the mean is not finite.
		lines.push(`const g${g} = w${g} > 0 && (q = u${g} / w${g}) - q === 0 ? q : null;`);
	});
	lines.push('let W = 0, U = 0;');
	plan.groups.forEach((group, g) => {
		const w = literal(group.weight, context);
		lines.push(`if (g${g} !== null) { W += ${w}; U += ${w} * g${g}; }`);
	});
	lines.push('const o = W > 0 && (q = U / W) - q === 0 ? q : null;');
	const shared = lines.join('\n');

	// The numbers only, into a caller's buffer: nothing allocated per account.
	const numbers = ['out[0] = o === null ? NaN : o;'];
	plan.groups.forEach((_, g) => numbers.push(`out[${1 + g}] = g${g} === null ? NaN : g${g};`));
	plan.measures.forEach((_, i) =>
		numbers.push(`out[${1 + plan.groups.length + i}] = s${i} === null ? NaN : s${i};`)
	);

	const full: string[] = [];
	const bands = plan.bands
		.map((band) => `o >= ${literal(band.min, context)} ? ${JSON.stringify(band.name)} : `)
		.join('');
	full.push(
		`const band = o === null ? ${JSON.stringify(NO_DATA)} : ${bands}${JSON.stringify(plan.bands[plan.bands.length - 1]!.name)};`
	);
	full.push('const missing = [];');
	plan.measures.forEach((measure, i) =>
		full.push(`if (s${i} === null) missing.push(${JSON.stringify(measure.id)});`)
	);
	const groups = plan.groups.map((group, g) => `${key(group.id)}: g${g}`).join(', ');
	const measures = plan.groups
		.flatMap((group, g) =>
			group.measures.map((measure) => {
				const i = measureIndex.get(measure)!;
				const share = `s${i} !== null && g${g} !== null && o !== null ? (${literal(measure.weight, context)} / w${g}) * (${literal(group.weight, context)} / W) : 0`;
				return hasMarks(measure)
					? `${key(measure.id)}: h.explain(v${i}, s${i}, ${share}, st${i}, im${i}, d${i})`
					: `${key(measure.id)}: { value: v${i}, score: s${i}, weight_share: ${share} }`;
			})
		)
		.join(', ');
	full.push(
		`return { account_id: id, scorecard_id: ${JSON.stringify(plan.id)}, overall: o, band, groups: { ${groups} }, measures: { ${measures} }, missing };`
	);
	return {
		full: `${shared}\n${full.join('\n')}`,
		numeric: `${shared}\n${numbers.join('\n')}`,
		constants: context.constants
	};
}

/** The scorecard as generated functions (needs `new Function`). */
export function generatedScorer(plan: ScorecardPlan): Scorer {
	const { full, numeric, constants } = scorerSource(plan);
	const factory = new Function(
		'h',
		'c',
		`return [function score(f, id) {\n${full}\n}, function scoreInto(f, out) {\n${numeric}\n}];`
	);
	const [score, scoreInto] = factory(helpers, constants) as [Scorer['score'], Scorer['scoreInto']];
	return { score, scoreInto };
}
