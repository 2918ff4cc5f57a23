/**
 * The Japanese glossary (`docs/glossary-ja.md`) kept: a message whose English uses a checked term
 * uses the glossary's Japanese for it, so the same thing has one name on every page.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogue, patternsOf } from '../../../tests/support/catalogue';

interface Term {
	english: RegExp;
	japanese: string;
}

/** The table's rows marked `checked`: `| churn, churned | チャーン | checked | … |`. */
function checkedTerms(): Term[] {
	const glossary = readFileSync(
		path.resolve(import.meta.dirname, '../../../docs/glossary-ja.md'),
		'utf8'
	);
	return glossary
		.split('\n')
		.map((line) => line.split('|').map((cell) => cell.trim()))
		.filter((cells) => cells[3] === 'checked')
		.map(([, english, japanese]) => {
			const words = english!.split(',').map((word) => word.trim());
			// An acronym is matched as written: "csm" in a column name is not the role.
			const acronym = words.every((word) => word === word.toUpperCase());
			return {
				english: new RegExp(`\\b(${words.join('|')})`, acronym ? '' : 'i'),
				japanese: japanese!
			};
		});
}

/** A pattern's words: placeholders are filled in later and are not the message's own words. */
const wordsOf = (pattern: string) => pattern.replace(/\{\w+\}/g, '');

describe('the Japanese glossary', () => {
	const terms = checkedTerms();
	const en = catalogue('en');
	const ja = catalogue('ja');

	it('has the terms the issue names', () => {
		expect(terms.map((term) => term.japanese)).toEqual(
			expect.arrayContaining([
				'カスタマーサクセス',
				'ヘルススコア',
				'スコアカード',
				'チャーン',
				'CSM'
			])
		);
	});

	it.each(terms.map((term) => [term.japanese, term] as const))(
		'is kept for %s',
		(_japanese, term) => {
			const astray = [...en]
				.filter(([, message]) => patternsOf(message).some((p) => term.english.test(wordsOf(p))))
				.filter(([key]) => ja.has(key))
				.filter(([key]) => patternsOf(ja.get(key)!).some((p) => !p.includes(term.japanese)))
				.map(([key]) => `${key}: ${patternsOf(ja.get(key)!).join(' | ')}`);
			expect(astray).toEqual([]);
		}
	);
});
