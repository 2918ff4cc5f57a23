/**
 * A workspace's scorecards as one SQL query over the tables of `./tables.ts` as of a date: per
 * account, the scorecard that applies (the first by priority whose `applies_to` holds), each
 * measure's raw value and score, each group's score, the overall, the band and the measures
 * missing, with the engine's semantics (`../scoring/`): required facts, time decay, manual
 * measures and their staleness, people facts, missing-data policies (a given score, the last known
 * value), weights renormalised over what is present, clamping, bands.
 *
 * The query is a chain of derived tables over the facts rows (`./rows.ts`), each adding the
 * columns the next reads (raw values, then points, then scores, then groups), so no expression is
 * written twice. A decayed measure averages its rows of earlier periods, and a measure falling
 * back on its last known value looks at its rows of earlier snapshots, both with window functions
 * over the account's rows, before the account's own row alone goes on.
 */
import { compileScorecards } from '../scoring';
import { bandsFromTop, NO_DATA } from '../scoring/measure';
import type { MeasurePlan, ScorecardPlan } from '../scoring/plan';
import type { IsoDate, Scorecard } from '../types';
import { DIALECT, quoteName, quoteText, type DialectName } from './dialect';
import type { WideLayout } from './layout';
import { LogicSql, type Typed } from './logic';
import { MeasureSql } from './measures';
import { CURRENT, EARLIER, factsRowsSql, rowScope, type RowsUse } from './rows';
import type { SqlSchema, SqlType } from './schema';

export interface SqlOutput {
	sql: string;
	/** The result's columns beyond `account_id, scorecard_id, overall, band, missing`, per scorecard. */
	scorecards: {
		id: string;
		groups: { id: string; column: string }[];
		measures: { id: string; value: string; score: string; type: SqlType | 'null' }[];
	}[];
}

/** Column names of the stages, by scorecard `k` and measure `j` (or group `g`). */
const col = {
	applies: (k: number) => `sc_${k}_applies`,
	raw: (k: number, j: number) => `sc_${k}_m${j}_raw`,
	decayInput: (k: number, j: number) => `sc_${k}_m${j}_dx`,
	decayed: (k: number, j: number) => `sc_${k}_m${j}_decayed`,
	points: (k: number, j: number) => `sc_${k}_m${j}_points`,
	own: (k: number, j: number) => `sc_${k}_m${j}_own`,
	ownValue: (k: number, j: number) => `sc_${k}_m${j}_own_value`,
	knownDate: (k: number, j: number) => `sc_${k}_m${j}_known_date`,
	knownScore: (k: number, j: number) => `sc_${k}_m${j}_known_score`,
	knownValue: (k: number, j: number) => `sc_${k}_m${j}_known_value`,
	score: (k: number, j: number) => `sc_${k}_m${j}_score`,
	value: (k: number, j: number) => `sc_${k}_m${j}_value`,
	group: (k: number, g: number) => `sc_${k}_g${g}`,
	overall: (k: number) => `sc_${k}_overall`
};

/** The stages, in order; each is a list of columns added to the rows of the one before. */
interface Stages {
	raw: string[];
	decayInput: string[];
	decayed: string[];
	points: string[];
	own: string[];
	knownDate: string[];
	known: string[];
	/** From here on, the account's own row alone. */
	score: string[];
	groups: string[];
	overall: string[];
}

export function scorecardsSql(
	scorecards: readonly Scorecard[],
	options: {
		asOf: IsoDate;
		dialect: DialectName;
		schema: SqlSchema;
		/** The tables' facts and metrics in wide columns; JSON columns when left out. */
		layout?: WideLayout;
	}
): SqlOutput {
	const dialect = DIALECT[options.dialect];
	const use: RowsUse = { people: false, manual: [] };
	const scope = rowScope(dialect, options.schema, use, options.layout);
	const logic = new LogicSql(scope);
	const plans = compileScorecards(scorecards, 'closure').map((card) => card.plan);
	const n = (value: number) => logic.number(value);
	const measureSql = new MeasureSql(logic, scope);
	const all = plans.flatMap((plan) => plan.measures);
	const decayPeriods = Math.max(0, ...all.map((measure) => measure.decayPeriods));
	const lastKnownDays = Math.max(
		0,
		...all.map((measure) =>
			measure.missing.policy === 'last_known' ? measure.missing.max_days : 0
		)
	);
	const over = 'over (partition by account_id)';

	const stages: Stages = {
		raw: [],
		decayInput: [],
		decayed: [],
		points: [],
		own: [],
		knownDate: [],
		known: [],
		score: [],
		groups: [],
		overall: []
	};
	/** Adds one measure's columns to the stages; returns the type of its value. */
	const measureStages = (
		measure: MeasurePlan,
		k: number,
		j: number,
		path: string
	): SqlType | 'null' => {
		const found = measureSql.raw(measure, path);
		// A value that is only ever null still needs a type for a column of a derived table.
		const raw: Typed =
			found.type === 'null'
				? { sql: `cast(NULL as ${dialect.types.number})`, type: 'number' }
				: found;
		stages.raw.push(`${raw.sql} as ${col.raw(k, j)}`);
		let value: Typed = { sql: col.raw(k, j), type: raw.type };
		if (measure.decayPeriods > 0) {
			// Periods 0, 1, … weigh 1, ½, …; the rows of earlier snapshots are their own only period.
			stages.decayInput.push(`${measureSql.decayNumber(value)} as ${col.decayInput(k, j)}`);
			const x = col.decayInput(k, j);
			const weights = Array.from(
				{ length: measure.decayPeriods },
				(_, i) => `when period = ${i} then ${n(1 / 2 ** i)}`
			);
			const w = `(case ${weights.join(' ')} end)`;
			const weight = `sum(case when ${x} is not null then ${w} end) ${over}`;
			stages.decayed.push(
				`(case when kind = ${EARLIER} then ${x} when ${weight} > 0 then sum(${w} * ${x}) ${over} / ${weight} end) as ${col.decayed(k, j)}`
			);
			value = { sql: col.decayed(k, j), type: 'number' };
		}
		const scored = `${measureSql.fresh(measure, path)} and ${logic.comparable(value)}`;
		stages.points.push(
			`(case when ${scored} then ${measureSql.points(measure, value, path)} end) as ${col.points(k, j)}`,
			`(case when ${scored} then ${value.sql} end) as ${col.ownValue(k, j)}`
		);
		const points = col.points(k, j);
		stages.own.push(
			`(case when coalesce(${points} - ${points} = 0, false) then least(greatest(${points}, ${n(0)}), ${n(100)}) end) as ${col.own(k, j)}`
		);
		const own = col.own(k, j);
		const ownValue = col.ownValue(k, j);
		const policy = measure.missing;
		if (policy.policy === 'score') {
			stages.score.push(
				`coalesce(${own}, ${n(Math.min(Math.max(policy.score, 0), 100))}) as ${col.score(k, j)}`,
				`(case when ${own} is not null then ${ownValue} end) as ${col.value(k, j)}`
			);
		} else if (policy.policy === 'last_known') {
			// The newest earlier snapshot within the look-back that gives a score, and its value.
			const date = col.knownDate(k, j);
			stages.knownDate.push(
				`max(case when kind = ${EARLIER} and age <= ${n(policy.max_days)} and ${own} is not null then snap_date end) ${over} as ${date}`
			);
			const at = (column: string) =>
				`(case when kind = ${EARLIER} and snap_date = ${date} then ${column} end)`;
			const knownValue =
				value.type === 'boolean'
					? `(case max(${at(`(case when ${ownValue} then 1 when not ${ownValue} then 0 end)`)}) ${over} when 1 then true when 0 then false end)`
					: `max(${at(ownValue)}) ${over}`;
			stages.known.push(
				`max(${at(own)}) ${over} as ${col.knownScore(k, j)}`,
				`${knownValue} as ${col.knownValue(k, j)}`
			);
			stages.score.push(
				`coalesce(${own}, ${col.knownScore(k, j)}) as ${col.score(k, j)}`,
				`(case when ${own} is null and ${date} is not null then ${col.knownValue(k, j)} else ${ownValue} end) as ${col.value(k, j)}`
			);
		} else {
			stages.score.push(`${own} as ${col.score(k, j)}`, `${ownValue} as ${col.value(k, j)}`);
		}
		return value.type;
	};

	const output: SqlOutput['scorecards'] = [];
	plans.forEach((plan, k) => {
		const cardPath = `scorecards[${plan.id}]`;
		stages.raw.push(
			`${plan.appliesTo === undefined ? 'true' : logic.truth(plan.appliesTo, `${cardPath}.applies_to`)} as ${col.applies(k)}`
		);
		const measures: SqlOutput['scorecards'][number]['measures'] = [];
		plan.measures.forEach((measure, j) => {
			const path = `${cardPath}.measures[${measure.id}]`;
			const type = measureStages(measure, k, j, path);
			measures.push({
				id: measure.id,
				value: `${plan.id}.${measure.id}.value`,
				score: `${plan.id}.${measure.id}.score`,
				type
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
			stages.groups.push(
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
	stages.overall = plans.map((plan, k) => {
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
	const stage = (columns: string[], from: string, where = '') =>
		`select *${columns.length ? `, ${columns.join(',\n    ')}` : ''}\n  from (${from}${dialect.fence}) as t${where}`;
	const rowsOfOthers = decayPeriods > 0 || lastKnownDays > 0;
	let query = 'select * from facts_rows';
	for (const columns of [
		stages.raw,
		stages.decayInput,
		stages.decayed,
		stages.points,
		stages.own,
		stages.knownDate,
		stages.known
	])
		if (columns.length) query = stage(columns, query);
	query = stage(stages.score, query, rowsOfOthers ? ` where kind = ${CURRENT}` : '');
	for (const columns of [stages.groups, stages.overall]) query = stage(columns, query);
	const rows = factsRowsSql({
		asOf: options.asOf,
		dialect,
		decayPeriods,
		lastKnownDays,
		use,
		number: n,
		schema: options.schema,
		layout: options.layout
	});
	return {
		sql: `${rows}\nselect ${final.join(',\n  ')}\nfrom (${query}) as t\norder by account_id`,
		scorecards: output
	};
}
