/**
 * One measure in SQL, as the engine evaluates it (`../scoring/evaluate.ts`): its raw value (null
 * when a fact it requires is null or absent), the number a decayed measure averages, and the
 * points for a present value by steps, linear, map or a logic rule.
 */
import { requiredVars } from '../logic';
import type { MeasurePlan } from '../scoring/plan';
import { quoteText } from './dialect';
import { LogicSql, type Scope, type Typed } from './logic';

export class MeasureSql {
	constructor(
		readonly logic: LogicSql,
		readonly scope: Scope
	) {}

	/** The raw value: null when a fact it requires is null or absent. */
	raw(measure: MeasurePlan, path: string): Typed {
		const value = this.logic.value(measure.value, `${path}.value`);
		const nulls = requiredVars(measure.value).map((name) => {
			// Read as the rule reads it: a name the data never holds is the null literal.
			const read = this.logic.value({ var: name }, `${path}.value`);
			return read.type === 'null' ? 'true' : `${read.sql} is null`;
		});
		if (nulls.length === 0 || value.type === 'null') return value;
		return {
			sql: `(case when ${nulls.join(' or ')} then NULL else ${value.sql} end)`,
			type: value.type
		};
	}

	/**
	 * The number a decayed measure averages from a period's raw value: a value that is present and
	 * reads as a number (a boolean 0 or 1, decimal text its number); NULL otherwise.
	 */
	decayNumber(raw: Typed): string {
		if (raw.type === 'null') return 'NULL';
		if (raw.type === 'number')
			return `(case when ${this.logic.comparable(raw)} then ${raw.sql} end)`;
		if (raw.type === 'boolean')
			return `(case when ${raw.sql} is not null then ${this.logic.toNumber(raw)} end)`;
		const x = this.logic.textNumber(raw.sql, false);
		return `(case when ${raw.sql} is not null and not ${this.scope.dialect.isNaN(x)} then ${x} end)`;
	}

	/**
	 * Whether a manual measure's latest entry is recent enough to count on a row (true for a measure
	 * read from data, and when no entry was made).
	 */
	fresh(measure: MeasurePlan, path: string): string {
		if (measure.manualValidity <= 0) return 'true';
		const age = this.logic.value({ var: `manual_age.${measure.id}` }, `${path}.manual`);
		if (age.type === 'null') return 'true';
		return `(not coalesce(${age.sql} > ${this.logic.number(measure.manualValidity)}, false))`;
	}

	/** The points for a present raw value (read from `column`), before clamping: NaN or NULL for none. */
	points(measure: MeasurePlan, raw: Typed, path: string): string {
		const d = this.scope.dialect;
		const n = (value: number) => this.logic.number(value);
		const scoring = measure.scoring;
		// The number steps and points read: a boolean counts 0 or 1, decimal text its number.
		const x =
			raw.type === 'text'
				? this.logic.textNumber(raw.sql, false)
				: raw.type === 'boolean'
					? this.logic.toNumber(raw)
					: raw.sql;
		// Text that is no number scores nothing (NaN), as in the engine; SQL would order NaN first.
		const notANumber = (points: string) =>
			raw.type === 'text'
				? `(case when ${d.isNaN(x)} then ${d.special('NaN')} else ${points} end)`
				: points;
		switch (scoring.type) {
			case 'steps': {
				const whens = scoring.steps.map((step) =>
					step.min !== undefined
						? `when ${x} >= ${n(step.min)} then ${n(step.score)}`
						: `when ${x} <= ${n(step.max!)} then ${n(step.score)}`
				);
				const otherwise = n(scoring.else ?? 0);
				return notANumber(
					whens.length ? `(case ${whens.join(' ')} else ${otherwise} end)` : otherwise
				);
			}
			case 'linear': {
				const points = scoring.points;
				const [x0, y0] = points[0]!;
				const whens = [`when ${x} <= ${n(x0)} then ${n(y0)}`];
				for (let i = 1; i < points.length; i++) {
					const [a, ya] = points[i - 1]!;
					const [b, yb] = points[i]!;
					if (b === a) continue;
					whens.push(
						`when ${x} <= ${n(b)} then ${n(ya)} + ((${x} - ${n(a)}) * ${n(yb - ya)}) / ${n(b - a)}`
					);
				}
				return notANumber(`(case ${whens.join(' ')} else ${n(points[points.length - 1]![1])} end)`);
			}
			case 'map': {
				const whens: string[] = [];
				for (const [key, score] of Object.entries(scoring.map)) {
					const match =
						raw.type === 'number'
							? String(Number(key)) === key && Number.isFinite(Number(key))
								? `${raw.sql} = ${n(Number(key))}`
								: null
							: raw.type === 'boolean'
								? key === 'true'
									? `${raw.sql}`
									: key === 'false'
										? `not ${raw.sql}`
										: null
								: raw.type === 'text'
									? `${raw.sql}${d.binary} = ${quoteText(key)}`
									: null;
					if (match) whens.push(`when ${match} then ${n(score)}`);
				}
				const otherwise = n(scoring.else ?? 0);
				return whens.length ? `(case ${whens.join(' ')} else ${otherwise} end)` : otherwise;
			}
			case 'logic': {
				const bound = new LogicSql({ ...this.scope, bound: { name: 'value', value: raw } });
				const result = bound.value(scoring.logic, `${path}.scoring.logic`);
				if (result.type === 'text')
					return `(case when ${result.sql} is null then ${d.special('NaN')} else ${this.logic.textNumber(result.sql, false)} end)`;
				if (result.type === 'null') return d.special('NaN');
				if (result.type === 'boolean')
					return `(case when ${result.sql} then ${n(1)} when not ${result.sql} then ${n(0)} else ${d.special('NaN')} end)`;
				return `coalesce(${result.sql}, ${d.special('NaN')})`;
			}
		}
	}
}
