/** Seeded generators of condition trees and of data for them, for property tests. */
import type { Random } from '../random';
import { addDays } from '../dates';
import type {
	Comparison,
	ComparisonOperator,
	ConditionNode,
	Field,
	FieldType,
	Group,
	Operand
} from './types';
import {
	ARITHMETIC_OPERATORS,
	isPresenceOperator,
	OPERATORS_BY_TYPE,
	PRESENCE_OPERATORS,
	typeOfOperator
} from './vocabulary';

/** Fields of every type, flat and dotted (as the plays' score context names them). */
export const SAMPLE_FIELDS: Field[] = [
	{ path: 'segment', label: 'Segment', type: 'text', values: ['enterprise', 'mid', 'scale'] },
	{ path: 'csm', label: 'CSM', type: 'text' },
	{ path: 'score.band', label: 'Band', type: 'text', values: ['Green', 'Red'] },
	{ path: 'seats_active', label: 'Seats active', type: 'number' },
	{ path: 'seats_purchased', label: 'Seats purchased', type: 'number' },
	{ path: 'arr', label: 'ARR', type: 'number' },
	{ path: 'score.groups.adoption', label: 'Adoption', type: 'number' },
	{ path: 'qbr_attended', label: 'QBR attended', type: 'boolean' },
	{ path: 'account.do_not_contact', label: 'Do not contact', type: 'boolean' },
	{ path: 'renewal_date', label: 'Renewal date', type: 'date' },
	{ path: 'last_login', label: 'Last login', type: 'date' },
	{ path: 'now', label: 'Today', type: 'date' }
];

/** Every operator of the builder, "is empty" and "is not empty" included. */
export const ALL_OPERATORS: readonly ComparisonOperator[] = [
	...Object.values(OPERATORS_BY_TYPE).flat(),
	...PRESENCE_OPERATORS
];
const TEXTS = ['scale', 'mid', '', 'Ünïcode ✓', 'a "quoted" word', '2026-01-01', 'x,y', '0'];
const NUMBERS = [0, 1, -1, 0.6, 2.5, 100, -3.25, 1e-9, 12000, 1e21];

function fieldOf(random: Random, fields: readonly Field[], type: FieldType): Operand {
	return { kind: 'field', path: random.pick(fields.filter((field) => field.type === type)).path };
}

export function randomDate(random: Random): string {
	return addDays('2024-01-01', random.int(-800, 1600));
}

function randomArithmetic(random: Random, fields: readonly Field[], depth: number): Operand {
	const term = (): Operand =>
		depth > 0 && random.chance(0.25)
			? randomArithmetic(random, fields, depth - 1)
			: random.chance(0.7)
				? fieldOf(random, fields, 'number')
				: { kind: 'constant', value: random.pick(NUMBERS) };
	return { kind: 'arithmetic', op: random.pick(ARITHMETIC_OPERATORS), left: term(), right: term() };
}

function randomOperand(random: Random, fields: readonly Field[], type: FieldType): Operand {
	const roll = random.next();
	if (roll < 0.3) return fieldOf(random, fields, type);
	if (type === 'number' && roll < 0.55) return randomArithmetic(random, fields, 2);
	if (type === 'number') return { kind: 'constant', value: random.pick(NUMBERS) };
	if (type === 'date') return { kind: 'constant', value: randomDate(random) };
	return { kind: 'constant', value: random.pick(TEXTS) };
}

export function randomComparison(
	random: Random,
	fields: readonly Field[] = SAMPLE_FIELDS,
	op: ComparisonOperator = random.pick(ALL_OPERATORS)
): Comparison {
	// A presence test reads one field of any type.
	if (isPresenceOperator(op))
		return { kind: 'comparison', op, left: { kind: 'field', path: random.pick(fields).path } };
	const type = typeOfOperator(op)!;
	const left =
		type === 'number' && random.chance(0.3)
			? randomArithmetic(random, fields, 1)
			: fieldOf(random, fields, type);
	switch (op) {
		case 'between':
			return {
				kind: 'comparison',
				op,
				left,
				low: randomOperand(random, fields, type),
				high: randomOperand(random, fields, type)
			};
		case 'one_of': {
			const values = Array.from({ length: random.int(0, 4) }, () => random.pick(TEXTS));
			return { kind: 'comparison', op, left, values };
		}
		case 'is_true':
		case 'is_false':
			return { kind: 'comparison', op, left };
		case 'within_last':
		case 'within_next': {
			const reference = fieldOf(random, fields, 'date') as { path: string };
			const days = random.int(1, 400);
			return { kind: 'comparison', op, left, days, reference: reference.path };
		}
		default:
			return { kind: 'comparison', op, left, right: randomOperand(random, fields, type) };
	}
}

/** A tree of up to `depth` levels of groups, with empty groups, NOTs and single children. */
export function randomTree(
	random: Random,
	fields: readonly Field[] = SAMPLE_FIELDS,
	depth = 3
): Group {
	const children: ConditionNode[] = Array.from({ length: random.int(0, 4) }, () =>
		depth > 0 && random.chance(0.3)
			? randomTree(random, fields, depth - 1)
			: randomComparison(random, fields)
	);
	return {
		kind: 'group',
		combinator: random.chance(0.5) ? 'and' : 'or',
		not: random.chance(0.2),
		children
	};
}

/** Data for the fields: values of their types, some missing, dates near each other. */
export function randomData(random: Random, fields: readonly Field[] = SAMPLE_FIELDS): object {
	const data: Record<string, unknown> = {};
	for (const field of fields) {
		if (random.chance(0.08)) continue;
		const value = random.chance(0.05)
			? null
			: field.type === 'number'
				? random.pick([...NUMBERS, 3, 5, 8, 10, 20])
				: field.type === 'boolean'
					? random.chance(0.5)
					: field.type === 'date'
						? addDays('2026-11-23', random.int(-90, 90))
						: random.pick(field.values ?? TEXTS);
		setPath(data, field.path, value);
	}
	return data;
}

function setPath(data: Record<string, unknown>, path: string, value: unknown): void {
	const segments = path.split('.');
	let target = data;
	for (const segment of segments.slice(0, -1)) {
		target = (target[segment] ??= {}) as Record<string, unknown>;
	}
	target[segments[segments.length - 1]!] = value;
}
