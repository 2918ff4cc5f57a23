/**
 * Scorecard drafts are each person's own: two leaders editing one scorecard each keep their draft,
 * on any browser they sign in from, and publishing from a stale version is caught when they
 * publish. The server keeps a draft under its author's id (`<user>:<scorecard>`); a browser sees
 * only its person's drafts, under the scorecard's id as its Dexie table keys them.
 */
import type { RecordKind } from '../../sync/protocol';

export const PERSONAL_KINDS: ReadonlySet<RecordKind> = new Set(['scorecardDrafts']);

/** The id the server keeps a record under, for the person who wrote it. */
export function serverIdOf(kind: RecordKind, id: string, userId: string | null): string {
	return PERSONAL_KINDS.has(kind) ? `${userId ?? 'system'}:${id}` : id;
}

/** The id a browser knows a record by (a personal one without its author). */
export function clientIdOf(kind: RecordKind, id: string): string {
	return PERSONAL_KINDS.has(kind) ? id.slice(id.indexOf(':') + 1) : id;
}

/** The prefix of a person's personal records' ids. */
export const personalPrefix = (userId: string | null) => `${userId ?? 'system'}:`;
