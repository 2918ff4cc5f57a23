/**
 * One account's weekly history. Everything it reports follows a latent health that drifts week
 * by week (some accounts declining, some improving), seen through noise and per-account quirks,
 * so that the metrics move together without being copies of each other. Two risk signals, late
 * invoices and a departed champion, are driven mostly by their own processes: they predict churn
 * beyond what usage shows, which is what a backtest should be able to discover.
 */
import type { Random } from '../random';
import type { IsoDate, Outcome, Snapshot } from '../types';
import type { SegmentProfile } from './segments';

export interface AccountPlan {
	id: string;
	profile: SegmentProfile;
	seatsPurchased: number;
	featuresAvailable: number;
	/** Days from the account's start to the first week of the period (negative: it starts later). */
	ageAtFirstWeek: number;
	/** Index of the last week on or before a renewal that falls in the period, or -1 for none. */
	renewalWeek: number;
	/** The date of that renewal, when there is one. */
	renewalDate: IsoDate | null;
}

export interface History {
	snapshots: Snapshot[];
	outcome: Outcome | null;
	/** The latent health at the last snapshot: what the account's contacts reflect. */
	health: number;
	/** The index of the week of the last snapshot (a churned account's stop at its churn). */
	lastWeek: number;
}

/** Weeks an onboarding account takes to reach its full usage. */
const RAMP_DAYS = 84;
/** A survey answer stays the account's NPS for this many weeks (about six months). */
const NPS_WEEKS = 26;
/** A champion who left counts as a recent change for this many weeks (a year). */
const CHAMPION_WEEKS = 52;

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const clamp = (x: number, min: number, max: number) => (x < min ? min : x > max ? max : x);

/** Draws the account's behaviour for each of `dates` (weekly, ascending) from its start on. */
export function simulate(plan: AccountPlan, dates: readonly IsoDate[], random: Random): History {
	const { profile, seatsPurchased: seats, featuresAvailable: features } = plan;
	const r = random;

	// Standing quirks: how this account differs from what its health alone would predict.
	let health = r.normal(profile.healthMean, 1);
	const trend = r.next();
	let drift =
		trend < 0.22
			? -r.between(0.02, 0.06)
			: trend < 0.37
				? r.between(0.015, 0.05)
				: r.normal(0, 0.008);
	const penetrationBias = r.normal(0, 0.5);
	const usageBias = r.normal(0, 0.5);
	const breadthBias = r.normal(0, 0.4);
	const sponsorBias = r.normal(profile.segment === 'scale' ? -0.6 : 0.2, 0.6);
	const integrationBias = r.normal(0, 0.6);
	const integrationCap = r.int(profile.integrations[0], profile.integrations[1]);
	const badPayer = r.chance(0.2);

	// State carried from week to week.
	let invoicesLate = badPayer ? r.int(0, 2) : 0;
	let championWeeks = r.chance(0.15) ? r.int(1, CHAMPION_WEEKS) : 0;
	let sponsorEngaged = r.chance(sigmoid(1.2 * health + sponsorBias));
	let qbrAttended = r.chance(sigmoid(1.5 * health + 0.6));
	const qbrPhase = r.int(0, 12);
	let progress = plan.ageAtFirstWeek > 0 ? r.between(0.05, 0.7) : 0;
	let integrations = Math.round(integrationCap * sigmoid(health + integrationBias));
	let openTickets = 0;
	let csat: number | null = null;
	let csatWeeks = 0;
	let silentDays = r.int(30, 60);
	let npsLatest: number | null = null;
	let npsWeeks = 0;

	const snapshots: Snapshot[] = [];
	let outcome: Outcome | null = null;
	const first = plan.ageAtFirstWeek >= 0 ? 0 : Math.ceil(-plan.ageAtFirstWeek / 7);

	for (let week = first; week < dates.length; week++) {
		if (week > first) {
			health = clamp(health + drift + r.normal(0, 0.1), -3.5, 3.5);
			if (r.chance(0.02)) drift = r.normal(0, 0.02);
		}
		const age = plan.ageAtFirstWeek + week * 7;
		const ramp = age >= RAMP_DAYS ? 1 : 0.3 + (0.7 * age) / RAMP_DAYS;
		const quality = sigmoid(health);

		const activeDays = Math.round(
			clamp(30 * ramp * sigmoid(1.4 * health + usageBias - 0.3 + r.normal(0, 0.3)), 0, 30)
		);
		const penetration = 0.06 + 0.94 * sigmoid(1.3 * health + penetrationBias + r.normal(0, 0.15));
		const breadth = 0.08 + 0.85 * sigmoid(1.2 * health + breadthBias + r.normal(0, 0.2));
		// Nobody active in 30 days means no active seat and no feature in use.
		const seatsActive =
			activeDays === 0 ? 0 : clamp(Math.round(seats * ramp * penetration), 1, seats);
		const logins =
			activeDays === 0
				? 0
				: Math.round(activeDays * (1 + seatsActive * 0.5 * quality) * r.between(0.85, 1.15));
		// With no activity in 30 days the silence lengthens week by week; otherwise the last login
		// is somewhere within the typical gap between active days.
		silentDays =
			activeDays === 0
				? Math.max(30, silentDays + 7)
				: Math.min(29, Math.floor(r.next() * (30 / activeDays)));
		const featuresUsed =
			activeDays === 0 ? 0 : clamp(Math.round(features * ramp * breadth), 1, features);
		const workflows = Math.round(
			seatsActive * (activeDays / 30) * (0.3 + 1.6 * quality) * r.between(0.8, 1.2)
		);
		const powerUsers = Math.min(
			seatsActive,
			Math.round(
				seatsActive * (0.02 + 0.3 * sigmoid(1.5 * health + usageBias - 0.8)) * r.between(0.85, 1.15)
			)
		);

		if (r.chance(0.06)) {
			const target = Math.round(integrationCap * ramp * sigmoid(health + integrationBias));
			integrations += Math.sign(target - integrations);
		}

		// Support: open tickets close about half the time each week, and a closure leaves a CSAT
		// rating that counts as recent for four weeks.
		let closed = 0;
		for (let t = 0; t < openTickets; t++) if (r.chance(0.5)) closed++;
		openTickets += Math.floor(profile.ticketRate * (1.6 - quality) + r.next()) - closed;
		if (closed > 0) {
			csat = Math.round(clamp(r.normal(3.5 + 0.9 * health, 0.8), 1, 5));
			csatWeeks = 4;
		} else if (csatWeeks > 0 && --csatWeeks === 0) {
			csat = null;
		}

		// A CRM export carries the latest survey answer until it is too old to mean much.
		if (r.chance(profile.surveyRate)) {
			npsLatest = Math.round(clamp(r.normal(6.6 + 1.8 * health, 1.5), 0, 10));
			npsWeeks = NPS_WEEKS;
		} else if (npsWeeks > 0 && --npsWeeks === 0) {
			npsLatest = null;
		}
		const nps = npsLatest;
		if (profile.qbrs && week % 13 === qbrPhase) qbrAttended = r.chance(sigmoid(1.5 * health + 0.6));
		if (r.chance(0.1)) sponsorEngaged = r.chance(sigmoid(1.2 * health + sponsorBias));
		progress = clamp(progress + 0.012 * ramp * (1.5 * quality - 0.45) + r.normal(0, 0.008), 0, 1);

		let cleared = 0;
		for (let i = 0; i < invoicesLate; i++) if (r.chance(0.2)) cleared++;
		invoicesLate -= cleared;
		if (invoicesLate < 6 && r.chance(badPayer ? 0.05 : 0.006 + 0.01 * (1 - quality)))
			invoicesLate++;

		if (championWeeks > 0) championWeeks--;
		else if (r.chance(0.005 + 0.007 * (1 - quality))) championWeeks = CHAMPION_WEEKS;

		const metrics: Snapshot['metrics'] = {
			seats_active: seatsActive,
			active_days_30d: activeDays,
			logins_30d: logins,
			days_since_last_login: silentDays,
			features_used: featuresUsed,
			workflows_completed_30d: workflows,
			integrations_active: integrations,
			power_users: powerUsers,
			nps,
			csat,
			open_tickets: openTickets,
			exec_sponsor_engaged: sponsorEngaged,
			outcome_progress: Math.round(progress * 100) / 100,
			invoices_late: invoicesLate,
			champion_changed: championWeeks > 0
		};
		if (profile.qbrs) metrics.qbr_attended = qbrAttended;
		snapshots.push({ account_id: plan.id, date: dates[week]!, metrics });

		if (week === plan.renewalWeek && plan.renewalDate) {
			const type = renewalOutcome(profile, health, invoicesLate, championWeeks > 0, r);
			outcome = { account_id: plan.id, date: plan.renewalDate, type };
			if (type === 'churned') break;
		}
	}

	return { snapshots, outcome, health, lastWeek: first + snapshots.length - 1 };
}

/**
 * What happens at a renewal: churn is likelier with poor health, late invoices and a champion who
 * just left, plus noise, so a good scorecard predicts it well but not perfectly.
 */
function renewalOutcome(
	profile: SegmentProfile,
	health: number,
	invoicesLate: number,
	championChanged: boolean,
	r: Random
): Outcome['type'] {
	// The two risk signals weigh about as much as usage does: a backtest must be able to find them.
	const risk =
		profile.churnBase -
		0.9 * health +
		1.0 * Math.min(invoicesLate, 4) +
		(championChanged ? 3.5 : 0) +
		r.normal(0, 0.5);
	if (r.chance(sigmoid(risk))) return 'churned';
	if (r.chance(0.6 * sigmoid(2 * (health - 1)))) return 'expanded';
	if (r.chance(health < 0 ? 0.15 : 0.02)) return 'downsold';
	return 'renewed';
}
