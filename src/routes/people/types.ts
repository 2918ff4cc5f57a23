/** What the People page shows: a person of the team, and an invitation not used yet. */
import type { Role } from '$lib/server/store/people';

export type { Role };

export interface PersonRow {
	id: string;
	email: string;
	name: string;
	role: Role;
	/** When they joined (ISO). */
	since: string;
	/** Whom their overdue band-playbook responses escalate to: a person's id, or null. */
	manager: string | null;
}

export interface InvitationRow {
	id: string;
	email: string;
	role: Role;
	/** ISO. */
	expires: string;
}
