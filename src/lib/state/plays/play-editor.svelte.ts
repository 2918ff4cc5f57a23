/**
 * The play being edited: its fields as the form binds them, the actions list, and the problems
 * the engine finds, shown next to the fields they are about. Saving writes only a valid play.
 */
import { savePlay, type ScorecraftDatabase } from '$lib/db';
import { parsePlay, type Play, type Scorecard, type WorkspaceIssue } from '$lib/engine';

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

/** A new play: disabled and waiting for approval until someone decides otherwise. */
export function newPlay(id: string): Play {
	return {
		id,
		name: 'New play',
		enabled: false,
		mode: 'approve',
		when: { and: [{ '==': [{ var: 'score.band' }, 'Red'] }] },
		actions: [{ type: 'task', title: 'Call the account', assignee: 'csm', due_in_days: 3 }],
		cooldown_days: 30
	};
}

/** Checks the engine does not: what a person editing the form would be told first. */
function formIssues(play: Play): WorkspaceIssue[] {
	const issues: WorkspaceIssue[] = [];
	if (!play.name.trim()) issues.push({ path: 'name', message: 'give the play a name' });
	if (play.actions.length === 0)
		issues.push({ path: 'actions', message: 'add at least one action' });
	return issues;
}

export class PlayEditor {
	play: Play = $state() as Play;
	issues: WorkspaceIssue[] = $state.raw([]);
	saving = $state(false);
	/** When the play was last saved as it is now; null once edited since. */
	savedAt: string | null = $state(null);

	constructor(initial: Play) {
		this.play = structuredClone(initial);
	}

	/** A plain copy of the play as edited (for the worker, or for saving). */
	get snapshot(): Play {
		return JSON.parse(JSON.stringify(this.play)) as Play;
	}

	/** The messages about a field, or about anything under it (`actions[0]` covers its title). */
	issuesAt(path: string): string[] {
		return this.issues
			.filter(
				(issue) =>
					issue.path === path ||
					issue.path.startsWith(`${path}.`) ||
					issue.path.startsWith(`${path}[`)
			)
			.map((issue) => issue.message);
	}

	validate(scorecards: readonly Scorecard[]): boolean {
		const parsed = parsePlay(this.snapshot, scorecards);
		this.issues = [...formIssues(this.play), ...(parsed.ok ? [] : parsed.errors)];
		return this.issues.length === 0;
	}

	edited(): void {
		this.savedAt = null;
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
			const result = await savePlay(db, this.snapshot);
			if (!result.ok) {
				this.issues = result.errors;
				return false;
			}
			this.savedAt = now;
			return true;
		} finally {
			this.saving = false;
		}
	}
}
