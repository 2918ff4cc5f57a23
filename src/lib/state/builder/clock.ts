/** The time versions and drafts are stamped with: now, as an ISO date-time (UTC). */
export function nowIso(): string {
	return new Date().toISOString();
}
