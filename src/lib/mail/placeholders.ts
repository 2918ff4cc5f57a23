/**
 * The placeholders a template may use (every path of a context, with its value for the chosen
 * recipient) and those it uses that come out empty for that recipient, so an author sees
 * "Hi ," before a customer does.
 */
import { bodyLiquid, subjectLiquid } from './liquid';
import type { MailContext, MailTemplate } from './types';

export interface Placeholder {
	path: string;
	/** The value for the chosen recipient, as text ('' when empty or a list). */
	value: string;
	/** For a list, how many items it holds for the recipient (the page words the count). */
	items?: number;
}

function isEmpty(value: unknown): boolean {
	return (
		value === null ||
		value === undefined ||
		value === '' ||
		(Array.isArray(value) && value.length === 0)
	);
}

function show(value: unknown): string {
	if (isEmpty(value) || typeof value === 'object') return '';
	return String(value);
}

/** Every placeholder path of a context, depth first, arrays as one entry (and their first item's fields). */
export function availablePlaceholders(context: MailContext): Placeholder[] {
	const out: Placeholder[] = [];
	const walk = (value: unknown, path: string) => {
		if (Array.isArray(value)) {
			out.push({ path, value: '', items: value.length });
			if (value[0] && typeof value[0] === 'object') walk(value[0], `${path}[0]`);
		} else if (value && typeof value === 'object') {
			for (const [key, inner] of Object.entries(value)) walk(inner, path ? `${path}.${key}` : key);
		} else out.push({ path, value: show(value) });
	};
	walk(context, '');
	return out;
}

function lookup(context: MailContext, path: string): unknown {
	let value: unknown = context;
	for (const part of path.split('.')) {
		// Liquid's own properties of lists: `resources.size`, `.first`, `.last`.
		if (Array.isArray(value) && (part === 'size' || part === 'first' || part === 'last')) {
			value = part === 'size' ? value.length : part === 'first' ? value[0] : value.at(-1);
			continue;
		}
		if (value === null || typeof value !== 'object' || !Object.hasOwn(value, part))
			return undefined;
		value = (value as Record<string, unknown>)[part];
	}
	return value;
}

/** Paths the template reads (global variables, not loop variables), subject and body. */
export function usedPlaceholders(template: MailTemplate): string[] {
	const paths = new Set<string>();
	for (const [engine, source] of [
		[subjectLiquid, template.subject],
		[bodyLiquid, template.mjml]
	] as const) {
		try {
			for (const path of engine.globalFullVariablesSync(source)) paths.add(path);
		} catch {
			// A syntax error: the editor reports it by line; nothing to analyse here.
		}
	}
	return [...paths].sort();
}

export interface EmptyPlaceholder {
	path: string;
	/** Whether the template gives a `default` for it (the reader sees that instead). */
	hasDefault: boolean;
}

/** Placeholders the template uses that are empty (or absent) for this recipient. */
export function emptyPlaceholders(
	template: MailTemplate,
	context: MailContext
): EmptyPlaceholder[] {
	const source = `${template.subject}\n${template.mjml}`;
	return usedPlaceholders(template)
		.filter((path) => isEmpty(lookup(context, path.replace(/\[\d+\]/g, ''))))
		.map((path) => ({
			path,
			hasDefault: new RegExp(
				`\\{\\{\\s*${path.replace(/[.[\]]/g, '\\$&')}\\s*\\|[^}]*\\bdefault\\b`
			).test(source)
		}));
}
