/**
 * The SQL compiler's refusals (`./scorecards.ts`, `./logic.ts`): what SQL cannot mean as the engine
 * does is refused when compiled, naming where in the scorecard and why; the rest compiles, for
 * each dialect. (That the SQL scores as the engine does is proven on the engines themselves:
 * `src/cli/sql/scorecards-sql.test.ts`.)
 */
import { describe, expect, it } from 'vitest';
import type { Measure, Scorecard } from '../types';
import { DIALECTS, scorecardsSql, SqlCompileError, type SqlSchema } from '.';

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

	it('refuses, for now, decay, manual measures and the last known value', () => {
		expect(refusal({ decay: { periods: 3 } }).reason).toBe('time decay is not compiled to SQL yet');
		expect(refusal({ manual: { validity_days: 30 } }).reason).toBe(
			'a manual measure is not compiled to SQL yet'
		);
		expect(refusal({ missing: { policy: 'last_known', max_days: 30 } }).reason).toBe(
			'the last known value is not compiled to SQL yet'
		);
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
