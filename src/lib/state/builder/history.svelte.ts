/**
 * An undo history of immutable values (whole scorecards: cheap, since edits share every part they
 * do not change). Consecutive records that name the same field (typing a name, dragging a slider)
 * join one step until `seal()`, so one undo takes back what a person thinks of as one change.
 */

export interface Step<T> {
	/** The value on the other side of the step. */
	value: T;
	/** What the step does, e.g. "move Seat penetration", for buttons and announcements. */
	label: string;
}

export class UndoHistory<T> {
	#past: Step<T>[] = $state.raw([]);
	#future: Step<T>[] = $state.raw([]);
	/** The field the last record changed, while more records of it join the same step. */
	#joining: string | null = null;
	readonly #limit: number;

	constructor(limit = 200) {
		this.#limit = limit;
	}

	get canUndo(): boolean {
		return this.#past.length > 0;
	}

	get canRedo(): boolean {
		return this.#future.length > 0;
	}

	get undoLabel(): string | null {
		return this.#past.at(-1)?.label ?? null;
	}

	get redoLabel(): string | null {
		return this.#future.at(-1)?.label ?? null;
	}

	/** Records that `before` was left by an edit; `joins` names the field for joining. */
	record(before: T, label: string, joins: string | null): void {
		if (joins === null || joins !== this.#joining)
			this.#past = [...this.#past, { value: before, label }].slice(-this.#limit);
		this.#future = [];
		this.#joining = joins;
	}

	/** The step back from `current`, or null; `current` becomes redoable. */
	undo(current: T): Step<T> | null {
		const step = this.#past.at(-1);
		if (!step) return null;
		this.#past = this.#past.slice(0, -1);
		this.#future = [...this.#future, { value: current, label: step.label }];
		this.#joining = null;
		return step;
	}

	redo(current: T): Step<T> | null {
		const step = this.#future.at(-1);
		if (!step) return null;
		this.#future = this.#future.slice(0, -1);
		this.#past = [...this.#past, { value: current, label: step.label }];
		this.#joining = null;
		return step;
	}

	seal(): void {
		this.#joining = null;
	}

	clear(): void {
		this.#past = [];
		this.#future = [];
		this.#joining = null;
	}
}
