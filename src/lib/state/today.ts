/** Today's date in UTC as `YYYY-MM-DD`: the engine reads no clock, so the app picks "today". */
export function todayUtc(now: Date = new Date()): string {
	return now.toISOString().slice(0, 10);
}

/** Now as an ISO date-time (UTC): what drafts, versions, runs and decisions are stamped with. */
export function nowIso(): string {
	return new Date().toISOString();
}
