/**
 * The Liquid side of templates: placeholders, escaped in bodies and plain in subjects. Includes
 * and layouts are refused (no template reads a file), unknown filters are errors, and only a
 * value's own properties are read.
 */
import { filters, Liquid, type LiquidOptions, type Template } from 'liquidjs';
import type { TemplateProblem } from './types';

function liquid(outputEscape: LiquidOptions['outputEscape']): Liquid {
	return new Liquid({
		outputEscape,
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
export const bodyLiquid = liquid('escape');
/** Subjects are a header, not HTML: plain text. */
export const subjectLiquid = liquid(undefined);

/**
 * A slot: where a body rendered by `renderSlotted` had an escaped output. Private-use characters
 * around the output's number and letters of both cases: MJML (`shapes.ts`) carries it through as
 * it carries a value, and one that MJML changed (lower-cased, say) leaves stray markers, no slot.
 */
export const SLOT = /\uE000(\d+)aA\uE001/g;
const MARKER = /[\uE000\uE001]/g;

/** The escaped values of the body being rendered by `renderSlotted` (synchronous: one at a time). */
let slotValues: string[] | null = null;

/**
 * Whether MJML treats `value` as it treats a slot: it is not empty (`href=""` makes a button a
 * paragraph), has no space at either end (MJML trims a tag's text) and no marker of its own.
 */
const slotSafe = (value: string): boolean => value !== '' && !/^\s|\s$|[\uE000\uE001]/.test(value);

/** The body's escaping (liquidjs's own `escape`, as `bodyLiquid` applies it), the result kept aside. */
function escapeIntoSlot(this: unknown, value: unknown): string {
	const escaped = (filters.escape as (this: unknown, value: unknown) => string).call(this, value);
	if (!slotValues || !slotSafe(escaped)) return escaped;
	return `\uE000${slotValues.push(escaped) - 1}aA\uE001`;
}

/** Bodies rendered with their outputs as slots: what a run's messages of one shape share. */
export const slottedLiquid = liquid(escapeIntoSlot);

/** A body with slots, and the escaped value of each. */
export interface Slotted {
	source: string;
	values: string[];
}

/**
 * Whether a body can be rendered with slots: one that captures output into a variable
 * (`{% capture %}`, or inside `{% liquid %}`) would compute with the slots instead of the values.
 */
export const slottable = (source: string): boolean => !/\{%-?\s*(capture|liquid)\b/.test(source);

/**
 * Renders a body parsed by `slottedLiquid`; null when its markers are not exactly its slots in
 * order (the template or a `| raw` value wrote such characters itself): render it plainly then.
 */
export function renderSlotted(template: Template[], context: object): Slotted | null {
	const values: string[] = [];
	let source: string;
	slotValues = values;
	try {
		source = slottedLiquid.renderSync(template, context) as string;
	} finally {
		slotValues = null;
	}
	let count = 0;
	for (const slot of source.matchAll(SLOT)) if (slot[1] !== String(count++)) return null;
	const markers = source.match(MARKER)?.length ?? 0;
	return count === values.length && markers === 2 * count ? { source, values } : null;
}

/** The body as `bodyLiquid` renders it: each slot replaced by its value. */
export function fillSlots({ source, values }: Slotted): string {
	return source.replace(SLOT, (_, index: string) => values[Number(index)]!);
}

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
