/**
 * Survey answers (NPS and CSAT per person, with their date) rolled into the account's metrics,
 * which is where scorecards read them (`{"var": "nps"}`): on each date from an account's first
 * answer on, its people's latest answers up to that date give
 *
 * - `nps`: their mean likelihood to recommend (0–10), `nps_detractors` how many gave 0–6, and
 *   `nps_responses` how many answered;
 * - `csat`: their mean satisfaction (1–5), and `csat_responses`.
 *
 * Scores read an account's latest snapshot, so the figures go into every snapshot from the first
 * answer on (a weekly usage snapshot keeps the survey's figures as they stood that week), and a
 * day with answers but no snapshot gets one, carrying the metrics of the snapshot before it. The
 * answers come from one file: a survey tool's whole export, whose figures replace those of an
 * earlier import from its first date on. Pure: the caller reads and writes the records.
 *
 * A file's rows are checked as answers here too (`resolveSurveyAnswer`, the validator's step for
 * the kind): each on its scale, and given to the person it names by id or email.
 */
import type { Contact, IsoDate, Snapshot } from '$lib/engine';
import type { RecordProblem } from './types';

/** One answer as checked: `contact` is the person's id (a file may name them by email). */
export interface SurveyAnswer {
	contact: string;
	date: IsoDate;
	nps?: number;
	csat?: number;
	comment?: string;
}

export const NPS_RANGE: readonly [number, number] = [0, 10];
export const CSAT_RANGE: readonly [number, number] = [1, 5];
/** A likelihood to recommend of 6 or less: a detractor, as NPS counts them. */
const DETRACTOR = 6;

/** The metrics a rollup writes, so a later one overwrites exactly these. */
export const SURVEY_METRICS = [
	'nps',
	'nps_detractors',
	'nps_responses',
	'csat',
	'csat_responses'
] as const;

type SurveyMetrics = Partial<Record<(typeof SURVEY_METRICS)[number], number>>;

/** People by `id:<id>` and `email:<lower-case email>`, each to their id. */
export type KnownContacts = ReadonlyMap<string, string>;

export function knownContactsOf(contacts: Iterable<{ id: string; email?: string }>): KnownContacts {
	const known = new Map<string, string>();
	for (const contact of contacts) {
		known.set(`id:${contact.id}`, contact.id);
		if (contact.email) known.set(`email:${contact.email.toLowerCase()}`, contact.id);
	}
	return known;
}

function contactIdOf(known: KnownContacts, text: string): string | undefined {
	return known.get(`id:${text}`) ?? known.get(`email:${text.toLowerCase()}`);
}

/**
 * A survey answer as rolled up: given to the person it names (by id or email), on its day, with
 * at least one answer, each on its scale (NPS 0–10, CSAT 1–5). Completes `record` in place (the
 * validator's own, fresh from its row); without `contacts`, the person stays as written.
 */
export function resolveSurveyAnswer(
	record: Record<string, unknown>,
	contacts: KnownContacts | undefined
): RecordProblem[] {
	const problems: RecordProblem[] = [];
	for (const [field, [low, high]] of [
		['nps', NPS_RANGE],
		['csat', CSAT_RANGE]
	] as const) {
		const value = record[field];
		if (typeof value === 'number' && (value < low || value > high))
			problems.push({ field, value: String(value), problem: 'not_on_scale' });
	}
	if (record.nps === undefined && record.csat === undefined)
		problems.push({ field: null, value: '', problem: 'no_answer' });
	if (typeof record.date === 'string') record.date = record.date.slice(0, 10);
	if (!contacts || typeof record.contact !== 'string') return problems;
	const id = contactIdOf(contacts, record.contact);
	if (id === undefined)
		problems.push({ field: 'contact', value: record.contact, problem: 'unknown_contact' });
	else record.contact = id;
	return problems;
}

/** Oldest first, for answers and snapshots alike. */
function byDate(a: { date: IsoDate }, b: { date: IsoDate }): number {
	return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}

/** The latest answer of each person up to `date` (answers ascending by date), rolled up. */
function metricsOn(answers: readonly SurveyAnswer[], date: IsoDate): SurveyMetrics {
	const nps = new Map<string, number>();
	const csat = new Map<string, number>();
	for (const answer of answers) {
		if (answer.date > date) break;
		if (answer.nps !== undefined) nps.set(answer.contact, answer.nps);
		if (answer.csat !== undefined) csat.set(answer.contact, answer.csat);
	}
	const mean = (values: Iterable<number>, count: number) => {
		let sum = 0;
		for (const value of values) sum += value;
		return Math.round((sum / count) * 100) / 100;
	};
	const metrics: SurveyMetrics = {};
	if (nps.size) {
		metrics.nps = mean(nps.values(), nps.size);
		metrics.nps_detractors = [...nps.values()].filter((score) => score <= DETRACTOR).length;
		metrics.nps_responses = nps.size;
	}
	if (csat.size) {
		metrics.csat = mean(csat.values(), csat.size);
		metrics.csat_responses = csat.size;
	}
	return metrics;
}

export interface SurveyRollup {
	/** Snapshots to merge (their metrics name by name): the held ones touched, and new ones. */
	snapshots: Snapshot[];
	/** Each person who answered, with their latest answers as metrics, to merge with the held. */
	contacts: Contact[];
}

/**
 * The snapshots and contacts the answers change. `contacts`: the people answering, by id;
 * `snapshots`: the accounts' held snapshots (any order).
 */
export function rollUpAnswers(
	answers: readonly SurveyAnswer[],
	contacts: ReadonlyMap<string, Contact>,
	snapshots: readonly Snapshot[]
): SurveyRollup {
	const byAccount = new Map<string, SurveyAnswer[]>();
	for (const answer of answers) {
		const account = contacts.get(answer.contact)?.account_id;
		if (account === undefined) continue;
		const list = byAccount.get(account);
		if (list) list.push(answer);
		else byAccount.set(account, [answer]);
	}
	const heldByAccount = new Map<string, Snapshot[]>();
	for (const snapshot of snapshots) {
		if (!byAccount.has(snapshot.account_id)) continue;
		const list = heldByAccount.get(snapshot.account_id);
		if (list) list.push(snapshot);
		else heldByAccount.set(snapshot.account_id, [snapshot]);
	}
	const written: Snapshot[] = [];
	for (const [account, list] of byAccount) {
		list.sort(byDate);
		const first = list[0]!.date;
		const held = (heldByAccount.get(account) ?? []).sort(byDate);
		const heldDates = new Set(held.map((snapshot) => snapshot.date));
		const answerDates = [...new Set(list.map((answer) => answer.date))];
		const dates = [
			...new Set([...held.map((s) => s.date).filter((d) => d >= first), ...answerDates])
		].sort();
		for (const date of dates) {
			const metrics = metricsOn(list, date);
			if (heldDates.has(date)) {
				written.push({ account_id: account, date, metrics });
				continue;
			}
			// A day with answers and no snapshot: the one before it, as it stood, with the answers.
			const before = held.filter((snapshot) => snapshot.date < date).at(-1);
			written.push({ account_id: account, date, metrics: { ...before?.metrics, ...metrics } });
		}
	}
	const people = new Map<string, Contact>();
	const ordered = [...answers].sort(byDate);
	for (const answer of ordered) {
		const held = contacts.get(answer.contact);
		if (!held) continue;
		const person = people.get(answer.contact) ?? { ...held, metrics: { ...held.metrics } };
		if (answer.nps !== undefined) person.metrics!.nps = answer.nps;
		if (answer.csat !== undefined) person.metrics!.csat = answer.csat;
		people.set(answer.contact, person);
	}
	return { snapshots: written, contacts: [...people.values()] };
}
