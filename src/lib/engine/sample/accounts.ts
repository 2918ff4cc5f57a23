/** A sample account's standing attributes and its contract calendar. */
import type { Random } from '../random';
import type { Account, Outcome } from '../types';
import type { Calendar } from './calendar';
import type { CompanyNames } from './names';
import { FEATURES_BY_PLAN, REGIONS, TAGS, type SegmentProfile } from './segments';
import type { AccountPlan } from './simulate';

export interface AccountDraft {
	account: Account;
	plan: AccountPlan;
	domain: string;
	/** The account's start, in days from the sample's end. */
	startDay: number;
}

/**
 * Every account's next renewal is within a year of `end`; the one before it, a contract term
 * earlier, falls in the period unless the account is still in its first term, and that earlier
 * renewal is where its outcome is decided.
 */
export function sampleAccount(
	index: number,
	profile: SegmentProfile,
	/** The first week of the period, in days from its end (which is day 0). */
	firstDay: number,
	calendar: Calendar,
	names: CompanyNames,
	random: Random
): AccountDraft {
	const id = `acc-${String(index + 1).padStart(4, '0')}`;
	const company = names.next(random);
	const [minSeats, maxSeats] = profile.seats;
	// Log-uniform: many small accounts, a few large ones, as in any real book of business.
	const seats = Math.round(Math.exp(random.between(Math.log(minSeats), Math.log(maxSeats))));
	const plan = random.pick(profile.plans);
	const featuresAvailable = FEATURES_BY_PLAN[plan] ?? 20;
	const contractMonths = random.pick(profile.contractMonths);

	const nextRenewal = random.int(1, 365);
	const lastRenewal = calendar.addMonths(nextRenewal, -contractMonths);
	const firstTerm = random.chance(0.08);
	const startDay = firstTerm
		? lastRenewal
		: calendar.addMonths(lastRenewal, -contractMonths * random.int(1, 4));
	const decided = !firstTerm && lastRenewal >= firstDay && lastRenewal <= 0;

	const tags: string[] = [];
	for (let n = random.int(-1, 2); n > 0; n--) {
		const tag = random.pick(TAGS);
		if (!tags.includes(tag)) tags.push(tag);
	}

	const account: Account = {
		id,
		name: company.name,
		segment: profile.segment,
		arr: Math.round((seats * profile.seatPrice * random.between(0.75, 1.1)) / 100) * 100,
		renewal_date: calendar.date(nextRenewal),
		csm: random.pick(profile.csms),
		tags,
		facts: {
			seats_purchased: seats,
			features_available: featuresAvailable,
			contract_months: contractMonths,
			plan,
			region: random.pick(REGIONS),
			industry: company.industry,
			start_date: calendar.date(startDay)
		}
	};
	if (random.chance(0.01)) account.do_not_contact = true;

	return {
		account,
		domain: company.domain,
		startDay,
		plan: {
			id,
			profile,
			seatsPurchased: seats,
			featuresAvailable,
			ageAtFirstWeek: firstDay - startDay,
			renewalWeek: decided ? Math.floor((lastRenewal - firstDay) / 7) : -1,
			renewalDate: decided ? calendar.date(lastRenewal) : null
		}
	};
}

/** The account as it stands after its renewal: a churned one keeps the date it lapsed on. */
export function settleRenewal(account: Account, outcome: Outcome | null, random: Random): Account {
	if (!outcome) return account;
	const change =
		outcome.type === 'expanded'
			? random.between(1.1, 1.4)
			: outcome.type === 'downsold'
				? random.between(0.7, 0.9)
				: 1;
	return {
		...account,
		renewal_date: outcome.type === 'churned' ? outcome.date : account.renewal_date,
		arr: account.arr ? Math.round((account.arr * change) / 100) * 100 : account.arr
	};
}
