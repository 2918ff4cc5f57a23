/**
 * The mood of a support ticket's text, from −1 (angry) through 0 (neutral) to 1 (delighted), with
 * the `sentiment` package: the AFINN-165 lexicon (3,382 English words scored −5…+5, shipped inside
 * the package, nothing fetched at run time) and its negation rule ("not good" counts as bad).
 *
 * The lexicon is English, so only English text is scored: a ticket in another language is null
 * (the measure is missing rather than wrong; AFINN would find next to none of its words and call
 * it neutral). The language test is deliberately simple, and says what it does:
 *  1. the letters (links and e-mail addresses aside) must be at least 90 % ASCII a–z: Japanese,
 *     Chinese, Korean, Cyrillic, Greek, Arabic or Hebrew text is null;
 *  2. among Latin-script text, one whose common little words are mostly French, German, Spanish,
 *     Portuguese, Italian or Dutch (two or more of them, more than the English ones) is null.
 * Other Latin-script languages (Polish, Swedish, Indonesian…) pass as English; the lexicon knows
 * few of their words, so they come out near 0.
 */
import Sentiment from 'sentiment';

const analyzer = new Sentiment();

/** AFINN's own range: each word scores −5…+5. */
const MAX_WORD_SCORE = 5;

/**
 * Words every ticket uses whatever its mood (greetings, sign-offs, "contact support", "I would
 * like", "we pay for"): AFINN scores them, but in a ticket they say nothing about the customer.
 */
const BOILERPLATE = new Set([
	'support',
	'help',
	'please',
	'thank',
	'thanks',
	'dear',
	'kind',
	'best',
	'like',
	'want',
	'pay',
	'welcome'
]);

/** Common English little words; none is also common in the languages below. */
const ENGLISH = new Set(
	(
		'the and of to is it you that this with we our your have has are be not but they can i my ' +
		"would when what from there been any since after still does doesn't don't can't it's i'm " +
		"we're isn't should could were for if or at by just all how why which get because"
	).split(' ')
);

/** Common little words of the Latin-script languages most often mistaken for English. */
const OTHER_LANGUAGES = new Set(
	[
		// French
		'le la les des du et est pas une pour avec nous vous je il ne dans sur ce ça qui que mais',
		// German
		'der die das und ist nicht ich wir sie ein eine mit auf für den dem zu von bitte kann ' +
			'haben wird auch noch aber oder wenn dass bei nach',
		// Spanish
		'el los las del y es en por con para una muy está están pero lo se su nuestro hay cuando',
		// Portuguese
		'os não com em do da dos das é mas nós você',
		// Italian
		'il di che è non per sono della gli ma anche',
		// Dutch
		'de het een niet van ik wij voor met op maar zijn wordt geen'
	]
		.join(' ')
		.split(' ')
);

const LINKS = /\b(?:https?:\/\/|www\.)\S+|\S+@\S+\.\S+/giu;

/** Whether `text` reads as English, by the two tests of this module's header. */
export function looksEnglish(text: string): boolean {
	const plain = text.replace(LINKS, ' ').replaceAll('’', "'");
	const letters = plain.match(/\p{L}/gu) ?? [];
	if (letters.length === 0) return false;
	const ascii = letters.filter((letter) => /[a-z]/i.test(letter)).length;
	if (ascii / letters.length < 0.9) return false;
	let english = 0;
	let other = 0;
	for (const word of plain.toLowerCase().match(/\p{L}+(?:'\p{L}+)?/gu) ?? []) {
		if (ENGLISH.has(word)) english++;
		else if (OTHER_LANGUAGES.has(word)) other++;
	}
	return !(other >= 2 && other > english);
}

/**
 * The ticket's sentiment: the mean AFINN score of its scored words (boilerplate aside, negation
 * applied) divided by 5, so −1…1 whatever the ticket's length, rounded to 3 decimals. 0 for
 * English text without a scored word; null for no text, or text that is not English.
 */
export function ticketSentiment(
	subject: string | null | undefined,
	body: string | null | undefined
): number | null {
	const text = [subject, body]
		.filter((part): part is string => typeof part === 'string' && part.trim() !== '')
		.join('\n');
	if (text === '' || !looksEnglish(text)) return null;
	let sum = 0;
	let words = 0;
	// AFINN's negators are written with a straight apostrophe ("doesn't").
	for (const scored of analyzer.analyze(text.replaceAll('’', "'")).calculation) {
		for (const [word, score] of Object.entries(scored)) {
			if (BOILERPLATE.has(word)) continue;
			sum += score;
			words++;
		}
	}
	if (words === 0) return 0;
	// `+ 0` turns a −0 (a balanced text) into 0.
	return Math.round((sum / words / MAX_WORD_SCORE) * 1000) / 1000 + 0;
}
