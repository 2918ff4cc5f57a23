/**
 * The workspace file's plays and what they leave behind: the plays and their actions, the email
 * templates, the outbox a run keeps, the CSM tasks, and the band playbooks that create tasks.
 */
import * as z from 'zod';
import { encodeProblem } from '../problems';
import { id, isoDate, isoDateTime, logic } from './fields';

const emailAction = z.looseObject({
	type: z.literal('email'),
	template: id,
	to: z.string().min(1)
});
const taskAction = z.looseObject({
	type: z.literal('task'),
	title: z.string().min(1),
	assignee: z.string().optional(),
	due_in_days: z.number().int().min(0).optional()
});
const tagAction = z.looseObject({
	type: z.literal('tag'),
	add: z.array(z.string()).optional(),
	remove: z.array(z.string()).optional()
});
const webhookAction = z.looseObject({
	type: z.literal('webhook'),
	url: z.url(),
	body: z.json().optional()
});

export const play = z.looseObject({
	id,
	name: z.string(),
	enabled: z.boolean(),
	mode: z.enum(['auto', 'approve']),
	when: logic,
	actions: z.array(
		z.discriminatedUnion('type', [emailAction, taskAction, tagAction, webhookAction], {
			error: encodeProblem('one_of', { values: 'email, task, tag, webhook' })
		})
	),
	cooldown_days: z.number().int().min(0),
	audience: z.looseObject({ segments: z.array(z.string()).optional() }).optional()
});

export const template = z.looseObject({ id, subject: z.string(), mjml: z.string() });

/** A plan entry kept by a run (see `plays/types.ts`), with what happened to it since. */
export const outboxEntry = z.looseObject({
	key: z.string().min(1),
	play_id: id,
	account_id: id,
	action: z.enum(['email', 'task', 'tag', 'webhook']),
	action_index: z.number().int().min(0),
	recipient: z.string(),
	status: z.enum(['planned', 'approved', 'sending', 'sent', 'failed', 'suppressed', 'rejected']),
	suppression: z.string().optional(),
	reason: z.string(),
	conditions: z.array(z.looseObject({ text: z.string(), held: z.boolean() })),
	mode: z.enum(['auto', 'approve']),
	detail: z.looseObject({ type: z.enum(['email', 'task', 'tag', 'webhook']) }),
	conflicts: z.array(z.string()).optional(),
	created_at: isoDateTime,
	updated_at: isoDateTime,
	attempts: z.number().int().min(0),
	error: z.string().optional(),
	message_id: z.string().optional(),
	decided_by: z.string().optional(),
	decided_at: isoDateTime.optional()
});

/** A CSM task a play created; its id is its outbox entry's key. */
export const task = z.looseObject({
	id: z.string().min(1),
	account_id: id,
	play_id: id,
	title: z.string(),
	assignee: z.string(),
	due_date: isoDate,
	status: z.enum(['open', 'done', 'snoozed']),
	snoozed_until: isoDate.optional(),
	completed_at: isoDateTime.optional(),
	created_at: isoDateTime,
	seen_at: isoDateTime.optional(),
	/** When it is due to the hour (band playbooks' response times); `due_date` is its date. */
	due_at: isoDateTime.optional(),
	/** A task a band playbook created: the response to an account entering a band, or its escalation. */
	sla: z
		.looseObject({
			band: z.string(),
			kind: z.enum(['response', 'escalation']),
			/** Response: when it was escalated to the manager, once overdue. */
			escalated_at: isoDateTime.optional(),
			/** Escalation: the overdue response task's id, and who it was assigned to. */
			of: z.string().optional(),
			csm: z.string().optional()
		})
		.optional()
});

/**
 * The response a team commits to when an account enters a band: who acts (the account's CSM, or
 * their manager) and within how many hours (0: at once); no hours: the regular cadence, no task.
 */
export const bandPlaybook = z.looseObject({
	band: z.string().min(1),
	response: z.string().min(1).max(200),
	respond_within_hours: z
		.number()
		.int()
		.min(0)
		.max(24 * 90)
		.nullable(),
	to: z.enum(['csm', 'manager'])
});
