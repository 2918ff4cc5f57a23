/**
 * The play being edited: its fields as the form binds them, the actions list, and the problems
 * the engine finds, shown next to the fields they are about. Saving writes only a valid play.
 * Its id is made from its name and follows it until set by hand; it can change until a run
 * wrote entries under it (the outbox and tasks name plays by id).
 */
import type { ScorecraftDatabase } from '$lib/db';
import { PLAY_ID, savePlay } from '$lib/db/plays';
import { parsePlay, problem, type Play, type Scorecard, type WorkspaceIssue } from '$lib/engine';
import { keyFrom, uniqueKey } from '$lib/engine/palette/ids';

export type Action = Play['actions'][number];
export type ActionType = Action['type'];

/** A new action of a type, with what a CS team would start from. */
export function newAction(type: ActionType): Action {
	switch (type) {
		case 'email':
			return { type, template: 'content-nurture', to: 'contacts' };
		case 'task':
			return { type, title: '', assignee: 'csm', due_in_days: 7 };
		case 'tag':
			return { type, add: [], remove: [] };
		case 'webhook':
			return {
				type,
				url: 'https://hooks.slack.com/services/…',
				body: { text: '{{ account.name }}: {{ score.band }}' }
			};
	}
}

/** The id a play called `name` gets: a key made from the name, unique among `taken`. */
export function playIdFrom(name: string, taken: Iterable<string>): string {
	// A plain value for one call, not state.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	return uniqueKey(keyFrom(name, 'play'), new Set(taken));
}

/** Whether an id is what `playIdFrom` makes of a name (with or without a `_2`-style suffix). */
function madeFrom(id: string, name: string): boolean {
	const base = keyFrom(name, 'play');
	return id === base || new RegExp(`^${base}_\\d+$`).test(id);
}

export const NEW_PLAY_NAME = 'New play';

/** A new play: disabled and waiting for approval until someone decides otherwise. */
export function newPlay(id: string): Play {
	return {
		id,
		name: NEW_PLAY_NAME,
		enabled: false,
		mode: 'approve',
		when: { and: [{ '==': [{ var: 'score.band' }, 'Red'] }] },
		actions: [{ type: 'task', title: 'Call the account', assignee: 'csm', due_in_days: 3 }],
		cooldown_days: 30
	};
}

/** Checks the engine does not: what a person editing the form would be told first. */
function formIssues(play: Play, storedId: string, otherIds: readonly string[]): WorkspaceIssue[] {
	const issues: WorkspaceIssue[] = [];
	if (!play.name.trim()) issues.push({ path: 'name', ...problem('name_missing') });
	if (play.id !== storedId && !PLAY_ID.test(play.id))
		issues.push({ path: 'id', ...problem('play_id_format') });
	else if (otherIds.includes(play.id))
		issues.push({ path: 'id', ...problem('play_id_taken', { id: play.id }) });
	if (play.actions.length === 0) issues.push({ path: 'actions', ...problem('no_actions') });
	return issues;
}

export class PlayEditor {
	play: Play = $state() as Play;
	issues: WorkspaceIssue[] = $state.raw([]);
	saving = $state(false);
	/** When the play was last saved as it is now; null once edited since. */
	savedAt: string | null = $state(null);
	/** Whether the form differs from what is stored (a run uses the stored play). */
	dirty = $state(false);
	/** The id the play is stored under: saving a changed id moves the play to the new one. */
	storedId: string = $state('');
	/** The other plays' ids: a new id must differ from them (and names the next free one). */
	otherIds: readonly string[] = $state.raw([]);
	/** Whether runs wrote entries under the stored id: then the id stays as it is. */
	hasRuns = $state(false);
	/** Whether the id is remade from the name at each edit (a new play's, until set by hand). */
	idFollowsName = $state(false);

	constructor(initial: Play) {
		this.play = structuredClone(initial);
		this.storedId = initial.id;
		this.idFollowsName = madeFrom(initial.id, initial.name);
	}

	get idEditable(): boolean {
		return !this.hasRuns;
	}

	/** Renames the play; its id follows while it may. */
	setName(name: string): void {
		this.play.name = name;
		if (this.idFollowsName && this.idEditable) this.play.id = playIdFrom(name, this.otherIds);
		this.edited();
	}

	/** An id typed by hand: from now on it no longer follows the name. */
	setId(id: string): void {
		if (!this.idEditable) return;
		this.play.id = id.trim();
		this.idFollowsName = false;
		this.edited();
	}

	/** A plain copy of the play as edited (for the worker, or for saving). */
	get snapshot(): Play {
		return JSON.parse(JSON.stringify(this.play)) as Play;
	}

	/** The messages about a field, or about anything under it (`actions[0]` covers its title). */
	issuesAt(path: string): WorkspaceIssue[] {
		return this.issues.filter(
			(issue) =>
				issue.path === path ||
				issue.path.startsWith(`${path}.`) ||
				issue.path.startsWith(`${path}[`)
		);
	}

	validate(scorecards: readonly Scorecard[]): boolean {
		const parsed = parsePlay(this.snapshot, scorecards);
		this.issues = [
			...formIssues(this.play, this.storedId, this.otherIds),
			...(parsed.ok ? [] : parsed.errors)
		];
		return this.issues.length === 0;
	}

	edited(): void {
		this.savedAt = null;
		this.dirty = true;
	}

	addAction(type: ActionType): void {
		this.play.actions.push(newAction(type));
		this.edited();
	}

	removeAction(index: number): void {
		this.play.actions.splice(index, 1);
		this.edited();
	}

	moveAction(index: number, delta: -1 | 1): void {
		const to = index + delta;
		if (to < 0 || to >= this.play.actions.length) return;
		const [action] = this.play.actions.splice(index, 1);
		this.play.actions.splice(to, 0, action!);
		this.edited();
	}

	async save(
		db: ScorecraftDatabase,
		scorecards: readonly Scorecard[],
		now: string
	): Promise<boolean> {
		if (!this.validate(scorecards)) return false;
		this.saving = true;
		try {
			const result = await savePlay(db, this.snapshot, { previousId: this.storedId });
			if (!result.ok) {
				this.issues = result.errors;
				return false;
			}
			this.storedId = result.value.id;
			this.savedAt = now;
			this.dirty = false;
			return true;
		} finally {
			this.saving = false;
		}
	}
}
