/**
 * The condition builder's state: the tree the visual form shows and the JSON-logic text beside
 * it, kept in step. A visual edit rewrites the text; a text edit that parses changes the tree;
 * valid JSON-logic the tree cannot hold is kept as it is and marked; invalid text changes nothing.
 */
import {
	appendChild,
	comparisonFor,
	emptyGroup,
	formatLogic,
	fromLogic,
	nodeAt,
	parseJson,
	removeAt,
	replaceAt,
	toLogic,
	type Comparison,
	type EditContext,
	type Field,
	type Group,
	type NodePath,
	type Unsupported
} from '$lib/engine/conditions';
import { checkLogic, type Logic, type LogicProblem } from '$lib/engine/logic';

/** What is wrong with the text typed: not JSON (with where), or JSON that is not JSON-logic. */
export type TextError =
	| { kind: 'json'; line: number; column: number; found: string | null }
	| { kind: 'logic'; problem: LogicProblem };

export interface BuilderInputs {
	fields: readonly Field[];
	/** The date field "within N days" counts from; by default a field named `now`. */
	relativeTo?: string;
	/** The date new date constants start at. */
	today: string;
}

export class ConditionBuilderState {
	tree: Group = $state.raw(emptyGroup());
	/** The JSON-logic as text, as the user typed it or as the visual form wrote it. */
	text = $state('');
	error: TextError | null = $state.raw(null);
	/** Set when the rule is valid but the visual form cannot show it: the rule is kept as JSON. */
	unsupported: Unsupported | null = $state.raw(null);

	readonly #inputs: () => BuilderInputs;
	readonly #emit: (value: Logic) => void;
	/** The JSON of the value last loaded or emitted, to tell the caller's own changes apart. */
	#current: string | undefined;

	constructor(inputs: () => BuilderInputs, value: Logic | undefined, emit: (value: Logic) => void) {
		this.#inputs = inputs;
		this.#emit = emit;
		this.#load(value);
	}

	/** What edits need to know: the fields, the reference date, today. */
	readonly context: EditContext = $derived.by(() => {
		const { fields, relativeTo, today } = this.#inputs();
		const reference = relativeTo ?? fields.find((field) => field.path === 'now')?.path;
		return reference === undefined ? { fields, today } : { fields, reference, today };
	});

	/** Follows the caller's value when it changes other than through this builder (e.g. undo). */
	sync(value: Logic | undefined): void {
		if (JSON.stringify(value) !== this.#current) this.#load(value);
	}

	#load(value: Logic | undefined): void {
		this.#current = JSON.stringify(value);
		this.error = null;
		if (value === undefined) {
			this.tree = emptyGroup();
			this.unsupported = null;
			this.text = formatLogic(toLogic(this.tree));
			return;
		}
		this.text = formatLogic(value);
		this.#show(value);
	}

	#show(value: Logic): void {
		const parsed = fromLogic(value, this.#inputs().fields);
		if (parsed.ok) {
			this.tree = parsed.tree;
			this.unsupported = null;
		} else {
			this.unsupported = parsed.reason;
		}
	}

	/** The text typed: JSON-logic that parses becomes the value, as written; anything else waits. */
	editText(text: string): void {
		this.text = text;
		const parsed = parseJson(text);
		if (!parsed.ok) {
			this.error = { kind: 'json', line: parsed.line, column: parsed.column, found: parsed.found };
			return;
		}
		const problem = checkLogic(parsed.value)[0];
		if (problem) {
			this.error = { kind: 'logic', problem };
			return;
		}
		this.error = null;
		this.#show(parsed.value);
		this.#current = JSON.stringify(parsed.value);
		this.#emit(parsed.value);
	}

	#commit(tree: Group): void {
		this.tree = tree;
		this.unsupported = null;
		this.error = null;
		const logic = toLogic(tree);
		this.text = formatLogic(logic);
		this.#current = JSON.stringify(logic);
		this.#emit(logic);
	}

	addComparison(groupPath: NodePath): void {
		const field = this.context.fields[0];
		if (field) this.#commit(appendChild(this.tree, groupPath, comparisonFor(field, this.context)));
	}

	addGroup(groupPath: NodePath): void {
		this.#commit(appendChild(this.tree, groupPath, emptyGroup()));
	}

	remove(path: NodePath): void {
		this.#commit(removeAt(this.tree, path));
	}

	setCombinator(path: NodePath, combinator: 'and' | 'or'): void {
		const group = nodeAt(this.tree, path);
		if (group?.kind === 'group') this.#commit(replaceAt(this.tree, path, { ...group, combinator }));
	}

	setNot(path: NodePath, not: boolean): void {
		const group = nodeAt(this.tree, path);
		if (group?.kind === 'group') this.#commit(replaceAt(this.tree, path, { ...group, not }));
	}

	setComparison(path: NodePath, comparison: Comparison): void {
		this.#commit(replaceAt(this.tree, path, comparison));
	}

	/** Gives up a rule kept as JSON for an empty visual condition. */
	reset(): void {
		this.#commit(emptyGroup());
	}
}
