/**
 * A workspace's scorecards as one SQL query over `accounts` and `snapshots` (`./tables.ts`) as of
 * a date: per account, the scorecard that applies (the first by priority whose `applies_to`
 * holds), each measure's raw value and score, each group's score, the overall, the band and the
 * measures missing, with the engine's semantics (`../scoring/`): required facts, missing-data
 * policies, weights renormalised over what is present, clamping, bands.
 *
 * The query is a chain of derived tables, each adding the columns the next reads (raw values, then
 * points, then scores, then groups), so no expression is written twice. Not compiled yet, and
 * refused with the measure's path: time decay, manual measures, the last known value, and the
 * facts of people.
 */
import { requiredVars } from '../logic';
import { compileScorecards } from '../scoring';
import { bandsFromTop, NO_DATA } from '../scoring/measure';
import type { MeasurePlan, ScorecardPlan } from '../scoring/plan';
import type { IsoDate, Scorecard } from '../types';
import { DIALECT, quoteName, quoteText, type Dialect, type DialectName } from './dialect';
import { SqlCompileError } from './errors';
import { LogicSql, type Scope, type Typed } from './logic';
import type { SqlSchema, SqlType } from './schema';
import { ACCOUNT_COLUMNS } from './tables';

export interface SqlOutput {
	sql: string;
	/** The result's columns beyond `account_id, scorecard_id, overall, band, missing`, per scorecard. */
	scorecards: {
		id: string;
		groups: { id: string; column: string }[];
		measures: { id: string; value: string; score: string; type: SqlType | 'null' }[];
	}[];
}

/** How a row's names are read: the snapshot's metrics, then the account's facts, then its columns. */
function rowScope(dialect: Dialect, schema: SqlSchema): Scope {
	const typed = (json: string, name: string, type: SqlType) => {
		const text = dialect.memberText(json, name);
		return type === 'text' ? text : `cast(${text} as ${dialect.types[type]})`;
	};
	return {
		dialect,
		schema,
		read(name, type) {
			const sources = ['metrics', 'facts'];
			const column =
				name === 'id'
					? 'account_id'
					: (ACCOUNT_COLUMNS as readonly string[]).includes(name)
						? quoteName(name)
						: null;
			const whens = sources.map(
				(json) => `when ${dialect.member(json, name)} is not null then ${typed(json, name, type)}`
			);
			const present = sources.map((json) => `${dialect.member(json, name)} is not null`);
			if (column) present.push(`${column} is not null`);
			return {
				value: `(case ${whens.join(' ')} else ${column ? `cast(${column} as ${dialect.types[type]})` : 'NULL'} end)`,
				present: `(${present.join(' or ')})`
			};
		}
	};
}

class CardCompiler {
	constructor(
		readonly logic: LogicSql,
		readonly scope: Scope
	) {}

	refuseUnsupported(measure: MeasurePlan, path: string): void {
		const why =
			measure.decayPeriods > 0
				? 'time decay'
				: measure.manualValidity > 0
					? 'a manual measure'
					: measure.missing.policy === 'last_known'
						? 'the last known value'
						: null;
		if (why) throw new SqlCompileError(path, `${why} is not compiled to SQL yet`);
	}

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
									? `${raw.sql}${d.name === 'postgres' ? ' collate "C"' : ''} = ${quoteText(key)}`
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

/** Column names of the stages, by scorecard `k` and measure `j` (or group `g`). */
const col = {
	applies: (k: number) => `sc_${k}_applies`,
	raw: (k: number, j: number) => `sc_${k}_m${j}_raw`,
	points: (k: number, j: number) => `sc_${k}_m${j}_points`,
	score: (k: number, j: number) => `sc_${k}_m${j}_score`,
	value: (k: number, j: number) => `sc_${k}_m${j}_value`,
	group: (k: number, g: number) => `sc_${k}_g${g}`,
	overall: (k: number) => `sc_${k}_overall`
};

export function scorecardsSql(
	scorecards: readonly Scorecard[],
	options: { asOf: IsoDate; dialect: DialectName; schema: SqlSchema }
): SqlOutput {
	const dialect = DIALECT[options.dialect];
	const scope = rowScope(dialect, options.schema);
	const logic = new LogicSql(scope);
	const plans = compileScorecards(scorecards, 'closure').map((card) => card.plan);
	const n = (value: number) => logic.number(value);

	const stageA: string[] = [];
	const stageB: string[] = [];
	const stageC: string[] = [];
	const stageD: string[] = [];
	const output: SqlOutput['scorecards'] = [];
	plans.forEach((plan, k) => {
		const cardPath = `scorecards[${plan.id}]`;
		const card = new CardCompiler(logic, scope);
		stageA.push(
			`${plan.appliesTo === undefined ? 'true' : logic.truth(plan.appliesTo, `${cardPath}.applies_to`)} as ${col.applies(k)}`
		);
		const measures: SqlOutput['scorecards'][number]['measures'] = [];
		plan.measures.forEach((measure, j) => {
			const path = `${cardPath}.measures[${measure.id}]`;
			card.refuseUnsupported(measure, path);
			const found = card.raw(measure, path);
			// A value that is only ever null still needs a type for a column of a derived table.
			const raw: Typed =
				found.type === 'null'
					? { sql: `cast(NULL as ${dialect.types.number})`, type: 'number' }
					: found;
			stageA.push(`${raw.sql} as ${col.raw(k, j)}`);
			const rawColumn: Typed = { sql: col.raw(k, j), type: raw.type };
			// A value counts as data exactly when a comparison could take it: not null, finite if a number.
			const present = logic.comparable(rawColumn);
			stageB.push(
				`(case when ${present} then ${card.points(measure, rawColumn, path)} end) as ${col.points(k, j)}`
			);
			const points = col.points(k, j);
			const own = `(case when coalesce(${points} - ${points} = 0, false) then least(greatest(${points}, ${n(0)}), ${n(100)}) end)`;
			const imputed =
				measure.missing.policy === 'score'
					? n(Math.min(Math.max(measure.missing.score, 0), 100))
					: 'NULL';
			stageC.push(`coalesce(${own}, ${imputed}) as ${col.score(k, j)}`);
			const value =
				measure.missing.policy === 'score'
					? `(case when ${own} is not null then ${rawColumn.sql} end)`
					: `(case when ${present} then ${rawColumn.sql} end)`;
			stageC.push(`${value} as ${col.value(k, j)}`);
			measures.push({
				id: measure.id,
				value: `${plan.id}.${measure.id}.value`,
				score: `${plan.id}.${measure.id}.score`,
				type: raw.type
			});
		});
		let j = 0;
		plan.groups.forEach((group, g) => {
			const weights: string[] = [];
			const sums: string[] = [];
			for (const measure of group.measures) {
				const score = col.score(k, j++);
				weights.push(`(case when ${score} is not null then ${n(measure.weight)} else ${n(0)} end)`);
				sums.push(
					`(case when ${score} is not null then ${n(measure.weight)} * ${score} else ${n(0)} end)`
				);
			}
			stageD.push(
				`(case when (${n(0)} + ${weights.join(' + ')}) > 0 then (${n(0)} + ${sums.join(' + ')}) / (${n(0)} + ${weights.join(' + ')}) end) as ${col.group(k, g)}`
			);
		});
		output.push({
			id: plan.id,
			groups: plan.groups.map((group) => ({ id: group.id, column: `${plan.id}.${group.id}` })),
			measures
		});
	});

	// The overall of each scorecard, over its groups present.
	const stageE = plans.map((plan, k) => {
		const weights = plan.groups.map(
			(group, g) =>
				`(case when ${col.group(k, g)} is not null then ${n(group.weight)} else ${n(0)} end)`
		);
		const sums = plan.groups.map(
			(group, g) =>
				`(case when ${col.group(k, g)} is not null then ${n(group.weight)} * ${col.group(k, g)} else ${n(0)} end)`
		);
		const weight = `(${n(0)} + ${weights.join(' + ')})`;
		return `(case when ${weight} > 0 then (${n(0)} + ${sums.join(' + ')}) / ${weight} end) as ${col.overall(k)}`;
	});

	const chosen = (pick: (plan: ScorecardPlan, k: number) => string) =>
		plans.length === 0
			? 'NULL'
			: `(case ${plans.map((plan, k) => `when ${col.applies(k)} then ${pick(plan, k)}`).join(' ')} end)`;
	const band = (plan: ScorecardPlan, k: number) => {
		const bands = bandsFromTop(plan.bands);
		const overall = col.overall(k);
		const whens = bands.map((b) => `when ${overall} >= ${n(b.min)} then ${quoteText(b.name)}`);
		return `(case when ${overall} is null then ${quoteText(NO_DATA)} ${whens.join(' ')} else ${quoteText(bands[bands.length - 1]!.name)} end)`;
	};
	const missing = (plan: ScorecardPlan, k: number) =>
		`concat_ws(',', ${plan.measures.map((measure, j) => `(case when ${col.score(k, j)} is null then ${quoteText(measure.id)} end)`).join(', ')})`;
	const only = (k: number, column: string) =>
		`(case when ${col.applies(k)}${plans
			.slice(0, k)
			.map((_, i) => ` and not ${col.applies(i)}`)
			.join('')} then ${column} end)`;

	const final = [
		'account_id',
		`${chosen((plan) => quoteText(plan.id))} as scorecard_id`,
		`${chosen((_, k) => col.overall(k))} as overall`,
		`${chosen(band)} as band`,
		`coalesce(${chosen(missing)}, '') as missing`,
		...output.flatMap((card, k) => [
			...card.groups.map((group, g) => `${only(k, col.group(k, g))} as ${quoteName(group.column)}`),
			...card.measures.flatMap((measure, j) => [
				`${only(k, col.value(k, j))} as ${quoteName(measure.value)}`,
				`${only(k, col.score(k, j))} as ${quoteName(measure.score)}`
			])
		])
	];
	const stage = (columns: string[], from: string) =>
		`select *${columns.length ? `, ${columns.join(',\n    ')}` : ''}\n  from (${from}${dialect.fence}) as t`;
	const facts = `select a.id as account_id, a.name, a.segment, a.arr, a.renewal_date, a.csm, a.facts, l.metrics
  from accounts a left join (
    select account_id, metrics from (
      select account_id, metrics, row_number() over (partition by account_id order by date desc) as rn
      from snapshots where date <= cast(${quoteText(options.asOf)} as ${dialect.types.date})
    ) as ranked where rn = 1
  ) as l on l.account_id = a.id`;
	let query = facts;
	for (const columns of [stageA, stageB, stageC, stageD, stageE]) query = stage(columns, query);
	return {
		sql: `select ${final.join(',\n  ')}\nfrom (${query}) as t\norder by account_id`,
		scorecards: output
	};
}
