/** The shipped scorecards' data cases (`rules/cases/<scorecard>.json`), for each scorer's tests. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Facts } from '../../src/lib/engine';

/** Known facts and what the scorecard makes of them. */
export interface RuleCase {
	description: string;
	facts: Facts;
	expected: {
		overall?: number | null;
		band?: string | null;
		groups?: Record<string, number | null>;
		measures?: Record<string, number | null>;
	};
}

/** The case files, named as the scorecard files they test (`scale.json`). */
export const ruleCaseFiles = (): string[] =>
	readdirSync(join('rules', 'cases')).filter((name) => name.endsWith('.json'));

export const readRuleCases = (file: string): RuleCase[] =>
	JSON.parse(readFileSync(join('rules', 'cases', file), 'utf8')) as RuleCase[];
