/**
 * The SQL compiler's refusals (`./scorecards.ts`, `./logic.ts`): what SQL cannot mean as the engine
 * does is refused when compiled, naming where in the scorecard and why; the rest compiles, for
 * each dialect. (That the SQL scores as the engine does is proven on the engines themselves:
 * `src/cli/sql/scorecards-sql.test.ts`.)
 */
import { describe, expect, it } from 'vitest';
import type { Measure, Scorecard } from '../types';
import { DIALECTS, scorecardsSql, SqlCompileError, sqlSchemaOfFacts, type SqlSchema } from '.';

const SCHEMA: SqlSchema = { seats: 'number', plan: 'text', active: 'boolean', tags: 'other' };

function card(measure: Partial<Measure>): Scorecard {
	return {
		id: 'scale',
		name: 'Scale',
		groups: [
			{
				id: 'adoption',
				name: 'Adoption',
				measures: [
					{
						id: 'seats',
						name: 'Seats',
						value: { var: 'seats' },
						scoring: { type: 'steps', steps: [{ min: 10, score: 90 }], else: 20 },
						...measure
					}
				]
			}
		]
	};
}

function refusal(measure: Partial<Measure>): SqlCompileError {
	try {
		scorecardsSql([card(measure)], { asOf: '2026-11-23', dialect: 'duckdb', schema: SCHEMA });
	} catch (error) {
		if (error instanceof SqlCompileError) return error;
		throw error;
	}
	throw new Error('compiled');
}

describe('compiling scorecards to SQL', () => {
	it('compiles a scorecard for every dialect, its ids as column names', () => {
		for (const dialect of DIALECTS) {
			const { sql, scorecards } = scorecardsSql([card({})], {
				asOf: '2026-11-23',
				dialect,
				schema: SCHEMA
			});
			expect(sql).toContain('from snapshots where date <=');
			expect(scorecards).toEqual([
				{
					id: 'scale',
					groups: [{ id: 'adoption', column: 'scale.adoption' }],
					measures: [
						{ id: 'seats', value: 'scale.seats.value', score: 'scale.seats.score', type: 'number' }
					]
				}
			]);
		}
	});

	it('refuses an operator with no translation, naming its path', () => {
		const error = refusal({ value: { merge: [{ var: 'seats' }, 1] } });
		expect(error.path).toBe('scorecards[scale].measures[seats].value');
		expect(error.message).toContain('the operator merge has no SQL translation');
		const nested = refusal({ value: { '+': [1, { missing: ['seats'] }] } });
		expect(nested.path).toBe('scorecards[scale].measures[seats].value.+[1]');
	});

	it('refuses what means something else in SQL: numbers as text, paths into values, lists, mixed types', () => {
		expect(refusal({ value: { cat: [{ var: 'seats' }, ' seats'] } }).reason).toContain(
			'cat of numbers or booleans'
		);
		expect(refusal({ value: { var: 'plan.length' } }).reason).toContain('paths into a value');
		expect(refusal({ value: { var: 'tags' } }).reason).toContain('several types');
		expect(refusal({ value: { if: [{ var: 'active' }, { var: 'plan' }, 1] } }).reason).toContain(
			'different types'
		);
	});

	it('reads the rows of earlier periods and snapshots, people and manual entries only when needed', () => {
		const sql = (measure: Partial<Measure>, schema: SqlSchema = SCHEMA) =>
			scorecardsSql([card(measure)], { asOf: '2026-11-23', dialect: 'postgres', schema }).sql;
		const plain = sql({});
		for (const part of [
			'partition by account_id, period',
			's.date < l.date',
			'join contacts',
			'manual_entries'
		])
			expect(plain).not.toContain(part);
		expect(sql({ decay: { periods: 3 } })).toContain('partition by account_id, period');
		// The periods end 30 and 60 days back: the third, 60 to 90 days back, holds the oldest rows.
		expect(sql({ decay: { periods: 3 } })).toContain(`when 2 then cast('2026-09-24' as date)`);
		expect(sql({ missing: { policy: 'last_known', max_days: 20 } })).toContain(
			`s.date >= cast('2026-11-03' as date)`
		);
		const people = { ...SCHEMA, users_active_30d: 'number' } as const;
		expect(sql({ value: { var: 'users_active_30d' } }, people)).toContain('join contacts');
		const manual = { ...SCHEMA, 'manual.seats': 'number', manual: 'other' } as const;
		expect(
			sql({ value: { var: 'manual.seats' }, manual: { validity_days: 30 } }, manual)
		).toContain('join manual_entries');
	});

	it('types manual entries from the facts the builder holds, or assumes numbers', () => {
		const schema = sqlSchemaOfFacts(
			[{ seats: 3, manual: { relationship: 4, champion: 'new' }, manual_age: { relationship: 9 } }],
			['manual.health']
		);
		expect(schema).toMatchObject({
			seats: 'number',
			'manual.relationship': 'number',
			'manual.champion': 'text',
			'manual.health': 'number',
			manual: 'other'
		});
		const { sql } = scorecardsSql([card({ value: { var: 'manual.relationship' } })], {
			asOf: '2026-11-23',
			dialect: 'duckdb',
			schema
		});
		expect(sql).toContain(`e.measure_id in ('relationship')`);
	});

	it('refuses what a manual entry cannot be read as', () => {
		const schema: SqlSchema = { ...SCHEMA, 'manual.seats': 'other', manual: 'other' };
		const refused = (value: Measure['value']) => {
			try {
				scorecardsSql([card({ value })], { asOf: '2026-11-23', dialect: 'duckdb', schema });
			} catch (error) {
				if (error instanceof SqlCompileError) return error.reason;
				throw error;
			}
			return null;
		};
		expect(refused({ var: 'manual.seats' })).toContain('values of several types');
		expect(refused({ var: 'manual.seats.x' })).toContain('paths into a value');
		expect(refused({ var: 'manual' })).toContain('several types');
		// A measure nobody entered a value for reads nothing, as in the engine.
		expect(refused({ var: 'manual.other' })).toBeNull();
	});

	it('reads a name the data never holds as absent, not as a column that is not there', () => {
		const { sql } = scorecardsSql([card({ value: { var: 'nowhere' } })], {
			asOf: '2026-11-23',
			dialect: 'postgres',
			schema: SCHEMA
		});
		expect(sql).not.toContain('nowhere');
	});
});
