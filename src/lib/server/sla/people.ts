/** The team as band playbooks need it: each person's manager, and a leader for those without one. */
import type { SlaPeople } from '../../engine';
import type { People } from '../store/people';

export async function slaPeople(people: People): Promise<SlaPeople> {
	const members = await people.list();
	const emailOf = new Map(members.map((person) => [person.id, person.email]));
	const managers = new Map<string, string>();
	for (const person of members) {
		const manager = person.manager_id ? emailOf.get(person.manager_id) : undefined;
		if (manager) managers.set(person.email.toLowerCase(), manager);
	}
	const first = (role: string) => members.find((person) => person.role === role)?.email ?? null;
	return {
		managerOf: (email) => managers.get(email.trim().toLowerCase()) ?? null,
		fallback: first('leader') ?? first('owner')
	};
}
