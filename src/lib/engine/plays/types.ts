/**
 * The plays engine's data: the score context a play's `when` reads, the plan it produces, and
 * the outbox and task records that a run keeps. Plain data, snake_case keys as the workspace
 * file writes them: a plan is printed by the command line, kept in the outbox, and exported.
 */
import type { IsoDate, Play, Workspace } from '../types';
import type { UnresolvedReference } from './references';

export type ActionType = 'email' | 'task' | 'tag' | 'webhook';

/**
 * What a play's `when` sees for one account on the as-of date. `account` is the account's facts
 * (top-level fields, `facts`, latest snapshot, people facts such as `dormant_users`), so
 * `{"var": "account.segment"}` and `{"var": "account.seats_active"}` both resolve.
 */
export interface ScoreContext {
	account: Record<string, unknown>;
	score: {
		overall: number | null;
		band: string | null;
		/** Group id → group score (null when missing). */
		groups: Record<string, number | null>;
		/** Measure id → measure score (null when missing). */
		measures: Record<string, number | null>;
		/** The overall score 30 days earlier, and the change since (null when either is unknown). */
		previous: number | null;
		delta_30d: number | null;
		/** The largest fall within the last 30 days (0 when none). */
		drop_30d: number;
	};
	/** Whole days from the as-of date to `renewal_date` (negative once passed); null when none. */
	days_to_renewal: number | null;
	/** Whole days since the account's `start_date` fact (its tenure); null when it has none. */
	days_since_start: number | null;
	/** How many contacts the account has. */
	contacts: number;
	/** The as-of date, `YYYY-MM-DD`. */
	now: IsoDate;
}

/**
 * Why a planned action is not performed. `no_recipient`: the play fired but the action has no one
 * to go to (no contact with that role, no CSM); `contact_cap`: the contact already has the
 * maximum of automated emails in the last 7 days; `run_cap`: this run reached its maximum.
 */
export type SuppressionReason =
	| 'unsubscribed'
	| 'invalid_address'
	| 'do_not_contact'
	| 'cooldown'
	| 'contact_cap'
	| 'run_cap'
	| 'no_recipient';

/** One top-level condition of `when` and whether it held, with the values it read. */
export interface ConditionOutcome {
	/** The condition as readable text, e.g. `score.groups.adoption < 60`. */
	text: string;
	held: boolean;
	/** Each `var` path the condition read → the value seen (null when absent). */
	values: Record<string, unknown>;
}

/** What the action would do, resolved for this account and recipient. */
export type ActionDetail =
	| { type: 'email'; template: string; contact_id?: string; contact_name?: string }
	| { type: 'task'; title: string; assignee: string; due_date: IsoDate }
	| { type: 'tag'; add: string[]; remove: string[] }
	| { type: 'webhook'; url: string; body: unknown };

/** One action of one play for one account and recipient. */
export interface PlanEntry {
	play_id: string;
	account_id: string;
	action: ActionType;
	/** The action's index in the play's `actions`. */
	action_index: number;
	/**
	 * Who or what it goes to: a contact's email address, the CSM's, a task's assignee, `account`
	 * for a tag, the URL for a webhook; empty with `no_recipient`.
	 */
	recipient: string;
	/** Idempotency key: play + account + action + recipient + cooldown window. Same inputs, same key. */
	key: string;
	status: 'planned' | 'suppressed';
	/** Set when `status` is `suppressed`. */
	suppression?: SuppressionReason;
	/** Why the play fired, one line: the conditions that held, with the values seen. */
	reason: string;
	conditions: ConditionOutcome[];
	mode: Play['mode'];
	detail: ActionDetail;
	/**
	 * Other plays that reach the same contact (emails) or account (any action) within 7 days of
	 * this one, in this plan or in the outbox: a fatigue or conflict to look at.
	 */
	conflicts?: string[];
}

/** A contact or an account that several plays would reach in the same week. */
export interface Conflict {
	kind: 'contact' | 'account';
	/** The contact's email address, or the account id. */
	id: string;
	account_id: string;
	plays: string[];
	/** Keys of the plan entries (and of outbox entries from the last 7 days) involved. */
	keys: string[];
}

export interface Plan {
	as_of: IsoDate;
	entries: PlanEntry[];
	/** Entries per play and status (planned, and each suppression reason). */
	counts: { play_id: string; status: 'planned' | SuppressionReason; count: number }[];
	conflicts: Conflict[];
	/**
	 * Groups and measures the plays read that some of the accounts looked at lack (their scorecard
	 * has no such group or measure): the play can never fire for those accounts.
	 */
	unresolved: UnresolvedReference[];
}

/** Status of an outbox entry: `planned → approved → sending → sent | failed`, or `suppressed`, `rejected`. */
export type OutboxStatus =
	'planned' | 'approved' | 'sending' | 'sent' | 'failed' | 'suppressed' | 'rejected';

/** A plan entry as a run keeps it, with what happened to it since. */
export interface OutboxEntry extends Omit<PlanEntry, 'status'> {
	status: OutboxStatus;
	/** When the run that wrote it took place, ISO date-time; its date counts for cooldowns and caps. */
	created_at: string;
	updated_at: string;
	attempts: number;
	error?: string;
	message_id?: string;
	/** Who approved or rejected it, and when (approve-mode plays). */
	decided_by?: string;
	decided_at?: string;
}

/** A CSM task created by a play's `task` action. Its id is the outbox entry's key. */
export interface Task {
	id: string;
	account_id: string;
	play_id: string;
	title: string;
	assignee: string;
	due_date: IsoDate;
	status: 'open' | 'done' | 'snoozed';
	snoozed_until?: IsoDate;
	completed_at?: string;
	created_at: string;
	/** When its assignee first saw it in their queue; unset when it is handed to someone else. */
	seen_at?: string;
	/** When it is due to the hour (band playbooks' response times); `due_date` is its date. */
	due_at?: string;
	/** Set on a task a band playbook created (`../sla`). */
	sla?: TaskSla;
}

export interface TaskSla {
	band: string;
	kind: 'response' | 'escalation';
	/** Response: when it was escalated to the manager, once overdue. */
	escalated_at?: string;
	/** Escalation: the overdue response task's id, and who it was assigned to. */
	of?: string;
	csm?: string;
}

/** The caps a run applies, from the workspace's `settings` (these defaults otherwise). */
export interface PlayLimits {
	/** `settings.contact_email_cap_7d`: automated emails a contact may get in any 7 days. */
	contact_email_cap_7d: number;
	/** `settings.run_email_cap`: emails one run may send. */
	run_email_cap: number;
}

export const DEFAULT_LIMITS: PlayLimits = { contact_email_cap_7d: 2, run_email_cap: 1000 };

export interface PlanInput {
	workspace: Workspace;
	asOf: IsoDate;
	/** Earlier outbox entries: cooldowns, caps and conflicts count them. */
	history?: readonly OutboxEntry[];
	/** Only these plays (default: every enabled play). Disabled plays listed here are planned too (a dry run of a draft). */
	plays?: readonly string[];
	/** Only these accounts (a sample for a dry run; default: all). */
	accounts?: readonly string[];
}
