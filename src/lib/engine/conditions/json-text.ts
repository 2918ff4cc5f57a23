/**
 * A rule as text people edit: parsed with the place of the first mistake (JavaScript engines word
 * JSON.parse errors differently and do not all give a position), and printed compactly, one line
 * per small node, so a condition reads the way it would be written by hand.
 */
import type { Logic } from '../logic';
import { dayNumberPath } from './day-number';

export type JsonTextResult =
	| { ok: true; value: Logic }
	/** `found` is the unexpected character, or null when the text ends too early. */
	| { ok: false; offset: number; line: number; column: number; found: string | null };

export function parseJson(text: string): JsonTextResult {
	try {
		return { ok: true, value: JSON.parse(text) as Logic };
	} catch {
		const offset = errorOffset(text);
		const before = text.slice(0, offset).split('\n');
		return {
			ok: false,
			offset,
			line: before.length,
			column: before[before.length - 1]!.length + 1,
			found: offset < text.length ? String.fromCodePoint(text.codePointAt(offset)!) : null
		};
	}
}

/** Where the first character that cannot belong to a JSON text is (its length if it ends early). */
function errorOffset(text: string): number {
	let i = 0;
	const space = () => {
		while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
	};
	const expect = (char: string) => {
		if (text[i] !== char) throw i;
		i++;
	};
	const word = (literal: string) => {
		for (const char of literal) expect(char);
	};
	const digits = () => {
		if (!/[0-9]/.test(text[i] ?? '')) throw i;
		while (/[0-9]/.test(text[i] ?? '')) i++;
	};
	const string = () => {
		expect('"');
		while (text[i] !== '"') {
			if (i >= text.length || text.charCodeAt(i) < 0x20) throw i;
			if (text[i] === '\\') {
				i++;
				if (text[i] === 'u') {
					for (let k = 1; k <= 4; k++) if (!/[0-9a-fA-F]/.test(text[i + k] ?? '')) throw i + k;
					i += 5;
				} else if (i < text.length && '"\\/bfnrt'.includes(text[i]!)) i++;
				else throw i;
			} else i++;
		}
		i++;
	};
	const number = () => {
		if (text[i] === '-') i++;
		if (text[i] === '0') i++;
		else digits();
		if (text[i] === '.') {
			i++;
			digits();
		}
		if (text[i] === 'e' || text[i] === 'E') {
			i++;
			if (text[i] === '+' || text[i] === '-') i++;
			digits();
		}
	};
	const list = (close: string, item: () => void) => {
		i++;
		space();
		if (text[i] === close) return void i++;
		for (;;) {
			item();
			space();
			if (text[i] === close) return void i++;
			expect(',');
			space();
		}
	};
	const value = (): void => {
		space();
		const char = text[i];
		if (char === '{') {
			list('}', () => {
				string();
				space();
				expect(':');
				value();
			});
		} else if (char === '[') list(']', value);
		else if (char === '"') string();
		else if (char === 't') word('true');
		else if (char === 'f') word('false');
		else if (char === 'n') word('null');
		else if (char === '-' || /[0-9]/.test(char ?? '')) number();
		else throw i;
	};
	try {
		value();
		space();
		return i < text.length ? i : text.length;
	} catch (offset) {
		// A text nested deeper than the stack allows: JSON.parse has said it is wrong, not where.
		return typeof offset === 'number' ? Math.min(offset, text.length) : text.length;
	}
}

/**
 * JSON with two-space indents, keeping any node that fits in `width` characters on one line, and
 * a date's day number (see `dayNumber`) on one line whatever its length: it is one idea, and
 * spread out it would fill the screen.
 */
export function formatLogic(logic: Logic, width = 80): string {
	const inline = (node: Logic): string => {
		if (Array.isArray(node)) return `[${node.map(inline).join(', ')}]`;
		if (node !== null && typeof node === 'object') {
			const entries = Object.entries(node).map(([k, v]) => `${JSON.stringify(k)}: ${inline(v)}`);
			return `{${entries.join(', ')}}`;
		}
		return JSON.stringify(node);
	};
	const print = (node: Logic, indent: string, prefix: string): string => {
		const flat = inline(node);
		if (indent.length + prefix.length + flat.length <= width || node === null) return flat;
		if (dayNumberPath(node) !== undefined) return flat;
		if (typeof node !== 'object') return flat;
		const inner = `${indent}  `;
		if (Array.isArray(node)) {
			if (node.length === 0) return '[]';
			return `[\n${node.map((item) => inner + print(item, inner, '')).join(',\n')}\n${indent}]`;
		}
		const entries = Object.entries(node);
		if (entries.length === 0) return '{}';
		const lines = entries.map(([key, item]) => {
			const name = `${JSON.stringify(key)}: `;
			return inner + name + print(item, inner, name);
		});
		return `{\n${lines.join(',\n')}\n${indent}}`;
	};
	return print(logic, '', '');
}
