/**
 * The message catalogue as its files hold it (`messages/{locale}/*.json`), for tests that check
 * the catalogue itself: keys, placeholders and words.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

interface Variants {
	declarations: string[];
	selectors: string[];
	match: Record<string, string>;
}

/** A message: one pattern, or patterns chosen by selectors (plural forms). */
export type CatalogueMessage = string | [Variants];

const ROOT = path.resolve(import.meta.dirname, '../../messages');

/** Every message of `locale`, by key, from all its files. */
export function catalogue(locale: string): Map<string, CatalogueMessage> {
	const messages = new Map<string, CatalogueMessage>();
	for (const file of readdirSync(path.join(ROOT, locale)).sort()) {
		const json = JSON.parse(readFileSync(path.join(ROOT, locale, file), 'utf8')) as Record<
			string,
			CatalogueMessage
		>;
		for (const [key, message] of Object.entries(json))
			if (key !== '$schema') messages.set(key, message);
	}
	return messages;
}

/** The catalogue's files of `locale`, by name. */
export const catalogueFiles = (locale: string): string[] =>
	readdirSync(path.join(ROOT, locale)).sort();

/** The text of every pattern of a message (each plural form's). */
export function patternsOf(message: CatalogueMessage): string[] {
	return typeof message === 'string' ? [message] : Object.values(message[0].match);
}

/** The names referenced as `{name}` in a pattern (escaped braces `\{` are text). */
export function referencesOf(pattern: string): string[] {
	return [...pattern.matchAll(/(?<!\\)\{(\w+)\}/g)].map((match) => match[1]!);
}

/** What a caller passes: a message's inputs, sorted. */
export function inputsOf(message: CatalogueMessage): string[] {
	if (typeof message === 'string') return [...new Set(referencesOf(message))].sort();
	return message[0].declarations
		.filter((declaration) => declaration.startsWith('input '))
		.map((declaration) => declaration.slice('input '.length).trim())
		.sort();
}

/** The names a message's patterns may reference: its inputs and its locals. */
export function declaredOf(message: CatalogueMessage): Set<string> {
	if (typeof message === 'string') return new Set(referencesOf(message));
	return new Set(
		message[0].declarations.map((declaration) =>
			declaration
				.replace(/^(input|local)\s+/, '')
				.split('=')[0]!
				.trim()
		)
	);
}
