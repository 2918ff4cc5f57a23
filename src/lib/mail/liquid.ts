/**
 * The Liquid side of templates: placeholders, escaped in bodies and plain in subjects. Includes
 * and layouts are refused (no template reads a file), unknown filters are errors, and only a
 * value's own properties are read.
 */
import { Liquid, type Template } from 'liquidjs';
import type { TemplateProblem } from './types';

function liquid(escape: boolean): Liquid {
	return new Liquid({
		outputEscape: escape ? 'escape' : undefined,
		strictFilters: true,
		ownPropertyOnly: true,
		// An in-memory, empty set of partials: `{% include %}` and `{% render %}` find nothing.
		templates: {},
		// Bound loops and output, so one template cannot stall a run.
		renderLimit: 2_000,
		memoryLimit: 16 * 1024 * 1024
	});
}

/** Bodies: every `{{ output }}` is HTML-escaped (`| raw` opts out, for a reviewed template). */
export const bodyLiquid = liquid(true);
/** Subjects are a header, not HTML: plain text. */
export const subjectLiquid = liquid(false);

/** The line a Liquid error points at, from its token or its message (`line:3, col:5`). */
function errorLine(error: unknown): number {
	const token = (error as { token?: { getPosition?: () => [number, number] } }).token;
	const position = token?.getPosition?.();
	if (position) return position[0];
	const match = /line:(\d+)/.exec(String((error as Error)?.message ?? error));
	return match ? Number(match[1]) : 0;
}

/** The message without liquidjs's source excerpt. */
function errorMessage(error: unknown): string {
	const message = String((error as Error)?.message ?? error);
	return message.split('\n')[0]!.replace(/, line:\d+, col:\d+$/, '');
}

export type Parsed = { ok: true; template: Template[] } | { ok: false; problem: TemplateProblem };

/** Parses Liquid source; a syntax error comes back as a problem with its line. */
export function parseLiquid(engine: Liquid, source: string, line0 = false): Parsed {
	try {
		return { ok: true, template: engine.parse(source) };
	} catch (error) {
		return {
			ok: false,
			problem: { kind: 'liquid', line: line0 ? 0 : errorLine(error), message: errorMessage(error) }
		};
	}
}

/** A render-time Liquid error (an unknown filter argument, a loop over the limit) as a problem. */
export function liquidProblem(error: unknown): TemplateProblem {
	return { kind: 'liquid', line: errorLine(error), message: errorMessage(error) };
}

/**
 * The source with its Liquid tags and outputs blanked, line and column kept: MJML can then check
 * the markup of the source itself and name the lines a person wrote.
 */
export function maskLiquid(source: string): string {
	return source.replace(/\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g, (tag) => tag.replace(/[^\n]/g, ' '));
}
