import { utcDate } from '$lib/engine/dates';

/** Today's date in UTC as `YYYY-MM-DD`: the engine reads no clock, so the app picks "today". */
export function todayUtc(now: Date = new Date()): string {
	return utcDate(now);
}

/** Now as an ISO date-time (UTC): what drafts, versions, runs and decisions are stamped with. */
export function nowIso(): string {
	return new Date().toISOString();
}
