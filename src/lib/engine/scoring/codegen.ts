/**
 * Compiles a whole scorecard into one JavaScript function: every rule inlined, every threshold a
 * constant, no loop over the JSON per account. It computes exactly what `closureScorer` computes
 * (same operations in the same order, so the same floating-point results); tests hold it to that.
 */
import { emitLogic, helpers as logicHelpers, literal, SourceContext } from '../logic/source';
import { NO_DATA, scoringScope, toNumber } from './measure';
import { decayedValue, type MeasurePlan, type ScorecardPlan } from './plan';
import type { Scorer } from './interpret';

const helpers = { ...logicHelpers, toNumber, scoringScope, decayedValue };

/**
 * The test that every fact the measure requires is there. A top-level fact is read once into a
 * local variable that the measure's rule then uses, as hand-written code would.
 */
function requiredCheck(
	measure: MeasurePlan,
	measureIndex: number,
	context: SourceContext,
	locals: string[]
): string {
	context.bindings.clear();
	if (measure.required.length === 0) return 'true';
	return measure.required
		.map((path, r) => {
			if (path.includes('.')) return `${emitLogic({ var: path }, 'f', context, true)} !== null`;
			const local = `a${measureIndex}_${r}`;
			locals.push(local);
			context.bindings.set(path, local);
			return `(${local} = f[${JSON.stringify(path)}]) != null`;
		})
		.join(' && ');
}

/** The decayed value over the periods attached to `f`, each period's facts in `g`. */
function decayedValueSource(measure: MeasurePlan, context: SourceContext): string {
	context.bindings.clear();
	const required = measure.required.map(
		(path) => `${emitLogic({ var: path }, 'g', context, true)} !== null`
	);
	const value = emitLogic(measure.value, 'g', context, true);
	const guarded = required.length ? `(${required.join(' && ')} ? ${value} : null)` : value;
	return `h.decayedValue(f, ${measure.decayPeriods}, (g) => ${guarded})`;
}

/** Points for the raw value in `v` (present): NaN when the value cannot be scored. */
function scoreExpression(measure: MeasurePlan, context: SourceContext): string {
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
			return `(sc = h.scoringScope(f, v), h.toNumber(${emitLogic(scoring.logic, 'sc', context, true)}))`;
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
		const decayed = measure.decayPeriods > 0;
		lines.push(
			`let v${i} = null, s${i} = null;`,
			`if (${decayed ? 'true' : requiredCheck(measure, i, context, locals)}) {`,
			`  try {`,
			`    v = ${decayed ? decayedValueSource(measure, context) : emitLogic(measure.value, 'f', context, true)};`,
			`    if (v !== null && v !== undefined && (typeof v !== "number" || v - v === 0)) {`,
			`      s = ${scoreExpression(measure, context)};`,
			`      s${i} = s - s === 0 ? (s < 0 ? 0 : s > 100 ? 100 : s) : null;`,
			`      v${i} = v;`,
			`    }`,
			`  } catch (error) { v${i} = null; s${i} = null; }`,
			`}`
		);
		context.bindings.clear();
	});
	lines.unshift(`let t, v, x, k, sc, s${locals.map((local) => `, ${local}`).join('')};`);
	plan.groups.forEach((group, g) => {
		lines.push(`let w${g} = 0, u${g} = 0;`);
		for (const measure of group.measures) {
			const i = measureIndex.get(measure)!;
			const w = literal(measure.weight, context);
			lines.push(`if (s${i} !== null) { w${g} += ${w}; u${g} += ${w} * s${i}; }`);
		}
		lines.push(`const g${g} = w${g} > 0 ? u${g} / w${g} : null;`);
	});
	lines.push('let W = 0, U = 0;');
	plan.groups.forEach((group, g) => {
		const w = literal(group.weight, context);
		lines.push(`if (g${g} !== null) { W += ${w}; U += ${w} * g${g}; }`);
	});
	lines.push('const o = W > 0 ? U / W : null;');
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
				return `${key(measure.id)}: { value: v${i}, score: s${i}, weight_share: ${share} }`;
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
