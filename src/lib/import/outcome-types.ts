/**
 * The words CRM exports write for how a renewal ended, and the outcome type each means. A file's
 * `type` column is read through them, after the person's own choices (`ColumnMapping.values`):
 * a team whose CRM says "Closed Won" for an upsell maps it to `expanded` once, on the Data page.
 */
import { normaliseHeader } from './mapping';
import type { OutcomeType } from './types';

export const OUTCOME_TYPES: readonly OutcomeType[] = ['churned', 'renewed', 'expanded', 'downsold'];

/** Known words, best first, compared as headings are (no case, spaces or punctuation). */
const WORDS: Readonly<Record<OutcomeType, readonly string[]>> = {
	churned: [
		'churned',
		'churn',
		'closed lost',
		'lost',
		'cancelled',
		'canceled',
		'cancellation',
		'terminated',
		'not renewed',
		'non renewal',
		'did not renew',
		'lapsed'
	],
	renewed: ['renewed', 'renewal', 'renew', 'closed won', 'won', 'retained', 'flat renewal'],
	expanded: [
		'expanded',
		'expansion',
		'upsell',
		'upsold',
		'upgrade',
		'upgraded',
		'cross sell',
		'add on',
		'closed won upsell'
	],
	downsold: ['downsold', 'downsell', 'downgrade', 'downgraded', 'contraction', 'contracted']
};

const KNOWN: ReadonlyMap<string, OutcomeType> = new Map(
	OUTCOME_TYPES.flatMap((type) => WORDS[type].map((word) => [normaliseHeader(word), type]))
);

/** A cell as its word is compared: `Closed - Lost` and `closed lost` are one word. */
export const outcomeWord = normaliseHeader;

/** The outcome a cell means: the person's choice for its word first, then the known words. */
export function outcomeOf(
	text: string,
	chosen: Readonly<Record<string, OutcomeType>> | undefined
): OutcomeType | undefined {
	const word = outcomeWord(text);
	const own = chosen && Object.hasOwn(chosen, word) ? chosen[word] : undefined;
	return own ?? KNOWN.get(word);
}

export const isOutcomeType = (value: unknown): value is OutcomeType =>
	(OUTCOME_TYPES as readonly unknown[]).includes(value);

/**
 * The distinct words of a column (its cells as written, the first spelling of each word), each
 * with what it is read as now: for the page's table of the file's words.
 */
export function outcomeWords(
	cells: Iterable<string>,
	chosen: Readonly<Record<string, OutcomeType>> | undefined
): { word: string; text: string; type: OutcomeType | undefined }[] {
	const seen = new Map<string, string>();
	for (const cell of cells) {
		const text = cell.trim();
		const word = outcomeWord(text);
		if (word !== '' && !seen.has(word)) seen.set(word, text);
	}
	return [...seen].map(([word, text]) => ({ word, text, type: outcomeOf(text, chosen) }));
}
