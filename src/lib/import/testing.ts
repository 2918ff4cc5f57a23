/** What the import's tests share, here and on the server. */
import { expect } from 'vitest';
import type { RowError, RowProblem } from './types';

/** Asserts that `errors` are exactly these, in order, each as its row, column and problem. */
export function expectRowErrors(
	errors: readonly RowError[],
	expected: readonly (readonly [row: number, column: string, problem: RowProblem])[]
): void {
	expect(errors.map(({ row, column, problem }) => [row, column, problem])).toEqual(expected);
}
