/**
 * MJML once per shape, not once per message. A run's messages of one template differ in their
 * placeholders' values and, through `{% if %}` and `{% for %}`, in their markup: rendered with
 * slots (`renderSlotted`), the messages with the same markup share one source, which MJML compiles
 * once; each message's HTML is then that HTML with its own escaped values in the slots.
 *
 * Compiling the template itself with its Liquid left in is not enough: a `{% for %}` around
 * `<mj-section>`s changes the sections' Outlook tables, and MJML reads some values (it trims a
 * tag's text, an empty `href` makes a button a paragraph, a padding is parsed). Such values are
 * never put in slots (`slotSafe`), and a shape is used only when MJML carried every slot through
 * without a validation error and the HTML made with it equals MJML's own for the first message and
 * for a probe; otherwise its messages keep MJML each.
 */
import { fillSlots, SLOT, type Slotted } from './liquid';
import type { MjmlRenderer } from './types';

type MjmlResult = Awaited<ReturnType<MjmlRenderer>>;

/** Compiled HTML cut at its slots: `parts[0]`, value of `slots[0]`, `parts[1]`… */
interface Shape {
	parts: string[];
	slots: number[];
}

function fill(shape: Shape, values: readonly string[]): string {
	let html = shape.parts[0]!;
	for (let i = 0; i < shape.slots.length; i++)
		html += values[shape.slots[i]!]! + shape.parts[i + 1]!;
	return html;
}

/** The HTML cut at its slots; null when a slot is missing or a marker was changed. */
function cut(html: string, count: number): Shape | null {
	const parts: string[] = [];
	const slots: number[] = [];
	const seen = new Set<number>();
	let end = 0;
	for (const slot of html.matchAll(SLOT)) {
		parts.push(html.slice(end, slot.index));
		slots.push(Number(slot[1]));
		seen.add(Number(slot[1]));
		end = slot.index + slot[0].length;
	}
	parts.push(html.slice(end));
	if (seen.size !== count || slots.some((slot) => slot >= count)) return null;
	return parts.some((part) => /[\uE000\uE001]/.test(part)) ? null : { parts, slots };
}

/** A number in every slot: where MJML parses a value (a width, a padding), it reads this one. */
const PROBE = '7px';

/**
 * The shape of `body`, checked: MJML carried every slot through (none dropped, none changed), and
 * the HTML made with it equals MJML's own for the first message and for `PROBE` in every slot.
 */
async function shapeOf(
	body: Slotted,
	first: MjmlResult,
	mjml: MjmlRenderer
): Promise<Shape | null> {
	if (first.errors.length > 0) return null;
	try {
		const compiled = await mjml(body.source);
		const shape = compiled.errors.length === 0 ? cut(compiled.html, body.values.length) : null;
		if (!shape || fill(shape, body.values) !== first.html) return null;
		const probe = body.values.map(() => PROBE);
		const probed = await mjml(fillSlots({ source: body.source, values: probe }));
		return fill(shape, probe) === probed.html ? shape : null;
	} catch {
		return null;
	}
}

/** A markup seen once: its first message, until a second one asks for the shape. */
interface Seen {
	body: Slotted;
	first: Promise<MjmlResult>;
	shape?: Promise<Shape | null>;
}

/**
 * The shapes one renderer compiled (a `TemplateSet` keeps one); the oldest go past `limit`. A
 * shape costs two MJML compiles (its own and the probe's), so it is worked out only when a second
 * message has the same markup: a single message (a preview, a one-off) gets MJML alone.
 */
export class MjmlShapes {
	readonly #seen = new Map<string, Seen>();

	constructor(readonly limit = 100) {}

	/** The HTML of a message whose body is `body` (`source` with its values filled in). */
	async render(body: Slotted, source: string, mjml: MjmlRenderer): Promise<MjmlResult> {
		const seen = this.#seen.get(body.source);
		if (!seen) {
			const first = mjml(source);
			if (this.#seen.size >= this.limit)
				this.#seen.delete(this.#seen.keys().next().value as string);
			this.#seen.set(body.source, { body, first });
			return first;
		}
		seen.shape ??= seen.first.then(
			(result) => shapeOf(seen.body, result, mjml),
			() => null
		);
		const shape = await seen.shape;
		return shape ? { html: fill(shape, body.values), errors: [] } : mjml(source);
	}
}
