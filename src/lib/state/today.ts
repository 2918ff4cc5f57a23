/** Today's date in UTC as `YYYY-MM-DD`: the engine reads no clock, so the app picks "today". */
export function todayUtc(now: Date = new Date()): string {
	return now.toISOString().slice(0, 10);
}
