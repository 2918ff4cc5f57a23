/** The people at a sample account: who they are, when they were last seen, how much they use it. */
import type { Random } from '../random';
import type { Contact } from '../types';
import type { Calendar } from './calendar';
import { personName } from './names';
import type { SegmentProfile } from './segments';

export interface ContactPlan {
	accountId: string;
	domain: string;
	profile: SegmentProfile;
	featuresAvailable: number;
	/** Days from the sample's end to the account's start. */
	startDay: number;
	/** Days from the sample's end to the account's last snapshot: nobody was seen after it. */
	lastDay: number;
	/** The account's latent health then: healthy accounts have people who log in often. */
	health: number;
}

/** Larger accounts name a champion, a sponsor and an admin; a Scale account just its admin or champion. */
function roleAt(index: number, profile: SegmentProfile, random: Random): string {
	if (profile.segment === 'scale')
		return index === 0 ? (random.chance(0.3) ? 'champion' : 'admin') : 'user';
	return (
		['champion', 'executive sponsor', 'admin'][index] ?? (random.chance(0.15) ? 'admin' : 'user')
	);
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

export function sampleContacts(plan: ContactPlan, calendar: Calendar, random: Random): Contact[] {
	const count = random.int(plan.profile.contacts[0], plan.profile.contacts[1]);
	const tenure = Math.max(0, plan.lastDay - plan.startDay);
	const emails = new Set<string>();
	const contacts: Contact[] = [];
	for (let index = 0; index < count; index++) {
		const person = personName(random);
		let email = `${person.local}@${plan.domain}`;
		for (let n = 2; emails.has(email); n++) email = `${person.local}${n}@${plan.domain}`;
		emails.add(email);
		const role = roleAt(index, plan.profile, random);
		const contact: Contact = {
			id: `${plan.accountId}-c${index + 1}`,
			account_id: plan.accountId,
			email,
			name: person.name,
			role
		};

		// Sponsors seldom log in themselves; most other people are tracked by the product.
		if (random.chance(role === 'executive sponsor' ? 0.4 : 0.85)) {
			const activity = sigmoid(plan.health + random.normal(0, 1));
			const meanGap = 2 + 200 * (1 - activity) ** 3;
			const daysAgo = Math.min(tenure, Math.round(-Math.log(1 - random.next()) * meanGap));
			contact.last_seen = calendar.date(plan.lastDay - daysAgo);
			const activeDays =
				daysAgo >= 30
					? 0
					: Math.round(Math.max(1, Math.min(30, 30 * activity * random.between(0.5, 1.1))));
			contact.metrics = {
				active_days_30d: activeDays,
				features_used:
					activeDays === 0
						? 0
						: Math.max(1, Math.round(plan.featuresAvailable * activity * random.between(0.3, 0.9))),
				// Depth: what a person does on a day they use the product.
				actions_30d:
					activeDays === 0
						? 0
						: Math.round(activeDays * (5 + 60 * activity) * random.between(0.7, 1.3))
			};
		}
		if (random.chance(0.03)) {
			const hour = String(random.int(7, 20)).padStart(2, '0');
			const minute = String(random.int(0, 59)).padStart(2, '0');
			contact.unsubscribed_at = `${calendar.date(plan.lastDay - random.int(0, Math.min(tenure, 300)))}T${hour}:${minute}:00Z`;
		}
		contacts.push(contact);
	}
	return contacts;
}
