import { afterEach, describe, expect, it } from 'vitest';
import { parsePlay, parseScorecardJson, parseWorkspace, PROBLEM_CODES } from '$lib/engine';
import { parseExpression } from '$lib/engine/palette';
import { generateSample } from '$lib/engine/sample';
import { getLocale, overwriteGetLocale } from '$lib/paraglide/runtime.js';
import { catalogue } from '../../../tests/support/catalogue';
import { problemAt, problemText } from './problems';

const before = getLocale;
afterEach(() => overwriteGetLocale(before));

/**
 * Workspace files broken in many ways, as restoring a bad file shows them: first its shape (a
 * date, a weight, an operator), then, in a file of the right shape, what its records name.
 */
function brokenWorkspaces() {
	const sample = () => generateSample({ accounts: 5, weeks: 2 });
	const shape = sample();
	shape.snapshots[0] = { ...shape.snapshots[0]!, date: '2026-02-30' };
	shape.scorecards[0]!.groups[0]!.weight = -1;
	shape.scorecards[0]!.groups[0]!.measures[0]!.value = { frobnicate: [1] };
	const references = sample();
	references.accounts[1] = { ...references.accounts[1]!, id: references.accounts[0]!.id };
	references.contacts[0] = { ...references.contacts[0]!, account_id: 'ghost' };
	return [shape, references];
}

describe('problems in the reader’s language', () => {
	it('has a message in both languages for every code the engine reports', () => {
		for (const locale of ['en', 'ja']) {
			const messages = catalogue(locale);
			expect(PROBLEM_CODES.filter((code) => !messages.has(`problem.${code}`))).toEqual([]);
		}
	});

	it('words a broken workspace file, a scorecard and an expression in Japanese, values kept', () => {
		const issues = brokenWorkspaces().flatMap((file) => {
			const parsed = parseWorkspace(file);
			return parsed.ok ? [] : parsed.errors;
		});
		expect(issues.map((issue) => issue.code)).toEqual(
			expect.arrayContaining([
				'duplicate_id',
				'unknown_account',
				'no_such_date',
				'too_small',
				'unknown_operator'
			])
		);
		const scorecard = parseScorecardJson('{"id": 3, "groups": []}');
		const expression = parseExpression('{"var": "__proto__.x"}');
		const found = [
			...issues,
			...(scorecard.ok ? [] : scorecard.errors),
			...(expression.ok ? [] : expression.problems.map((each) => ({ ...each, path: '' })))
		];
		expect(found.length).toBeGreaterThan(5);

		overwriteGetLocale(() => 'ja');
		for (const issue of found) {
			const text = problemText(issue);
			expect(text, issue.code).not.toBe(issue.message);
			expect(text, issue.code).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
			expect(text, issue.code).not.toMatch(/[{}]|\bexpected\b|undefined/);
		}
		const duplicate = issues.find((issue) => issue.code === 'duplicate_id')!;
		expect(problemAt(duplicate)).toBe(
			`accounts[1].id：アカウントID「${String(duplicate.params.id)}」が重複しています（最初の位置：accounts[0].id）。`
		);
		const wrongType = scorecard.ok ? undefined : scorecard.errors.find((e) => e.path === 'id');
		expect(problemText(wrongType!)).toBe('文字列が必要ですが、数値3が入っています。');
	});

	it('words counts with their plural forms in English, and says where', () => {
		const scorecard = parseScorecardJson('{"id": "s", "name": "S", "groups": []}');
		const noGroups = scorecard.ok ? undefined : scorecard.errors.find((e) => e.path === 'groups');
		expect(problemAt(noGroups!)).toBe('groups: Expected at least 1 item.');
		const play = parsePlay({ id: 'p', name: 'P', mode: 'sometimes', when: {}, actions: [] }, []);
		const mode = play.ok ? undefined : play.errors.find((e) => e.path === 'mode');
		expect(problemText(mode!)).toBe('Expected one of: auto, approve.');
		const tooFew = { code: 'too_few' as const, params: { minimum: 2 }, message: '' };
		expect(problemText(tooFew)).toBe('Expected at least 2 items.');
	});

	it('falls back to the engine’s English for a code it does not know (a newer server’s)', () => {
		const unknown = { code: 'from_the_future', params: {}, message: 'something new' };
		expect(problemText(unknown as never)).toBe('something new');
	});
});
