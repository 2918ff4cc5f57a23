/**
 * The last line of defence for links: every `href` and `src` a message carries must be a web
 * address (`https:`, `http:`), a `mailto:` link, or relative. Settings are checked where they are
 * saved; this catches what gets past them (a placeholder filled with a `javascript:` value, a link
 * typed into a template), in the rendered HTML, and in a template's source by line.
 */
import { decodeEntities } from './text';

/** Schemes a message may link to. */
const ALLOWED = new Set(['http', 'https', 'mailto']);

/** Attributes that navigate or load something. */
const ATTRIBUTE =
	/\s(href|src|action|formaction|background|poster|xlink:href)\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+)/gi;

export interface UnsafeLink {
	attribute: string;
	/** The value as written (entities not decoded), shortened for a message. */
	value: string;
	scheme: string;
	/** 1-based line in the text checked. */
	line: number;
}

/**
 * The scheme a browser would see: entities decoded, then (as browsers do) tabs and line breaks
 * anywhere removed and spaces and control characters at the start stripped, so `java&#9;script:`
 * and ` javascript:` are caught.
 */
export function schemeOf(value: string): string | null {
	const decoded = decodeEntities(value)
		.replace(/[\t\n\r]/g, '')
		// eslint-disable-next-line no-control-regex
		.replace(/^[\u0000-\u0020]+/, '');
	return /^([a-z][a-z0-9+.-]*):/i.exec(decoded)?.[1]?.toLowerCase() ?? null;
}

/** The links in `html` (tags' attributes) whose scheme is not allowed. */
export function unsafeLinks(html: string): UnsafeLink[] {
	const found: UnsafeLink[] = [];
	// A tag ends at a `>` outside quotes: an attribute value may hold one.
	for (const tag of html.matchAll(/<[a-z](?:[^>"']|"[^"]*"|'[^']*')*>/gi)) {
		for (const match of tag[0].matchAll(ATTRIBUTE)) {
			const raw = match[2]!.replace(/^["']|["']$/g, '');
			const scheme = schemeOf(raw);
			if (!scheme || ALLOWED.has(scheme)) continue;
			const at = tag.index + (match.index ?? 0);
			found.push({
				attribute: match[1]!.toLowerCase(),
				value: raw.length > 60 ? `${raw.slice(0, 60)}…` : raw,
				scheme,
				line: html.slice(0, at).split('\n').length
			});
		}
	}
	return found;
}

/** The problem to report for an unsafe link. */
export function unsafeLinkMessage(link: UnsafeLink): string {
	return `${link.attribute}="${link.value}": ${link.scheme}: links are refused: use a web address starting with https:// or http://`;
}
