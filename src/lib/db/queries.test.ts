import { beforeAll, describe, expect, it } from 'vitest';
import { churnedBy, scoreWorkspace } from '$lib/engine';
import { generateSample, SAMPLE_END } from '$lib/engine/sample';
import type { ScorecraftDatabase } from './database';
import {
	accountDetail,
	accountWorkspace,
	anomalies,
	csms,
	historyRows,
	orderedScorecards,
	portfolioRows,
	segments,
	trendOf,
	workspaceCurrency
} from './queries';
import { refreshScores } from './scores';
import { sortedBy, testDatabase } from './testing';
import type { ScoreRow } from './types';
import { replaceWorkspace } from './workspace';

const sample = generateSample({ accounts: 150, weeks: 20 });
const asOf = SAMPLE_END;
const churned = churnedBy(sample.outcomes, asOf);

// The queries only read: one store for all of them.
let db: ScorecraftDatabase;
let scores: ScoreRow[];
beforeAll(async () => {
	db = testDatabase();
	await replaceWorkspace(db, sample);
	await refreshScores(db, asOf);
	scores = await db.scores.toArray();
});

const ids = (records: readonly { id: string }[]) => records.map((record) => record.id).sort();
const liveScores = () => scores.filter((score) => !churned.has(score.account_id));

// Each query goes through an index (`where`/`orderBy` on a field without one throws in Dexie).
describe('queries by index', () => {
	it('anomalies among live accounts', async () => {
		const expected = liveScores().filter((score) => score.anomaly === 1);
		expect((await anomalies(db)).map((s) => s.account_id).sort()).toEqual(
			expected.map((s) => s.account_id).sort()
		);
	});

	it('the distinct segments and CSMs', async () => {
		expect(await segments(db)).toEqual([...new Set(sample.accounts.map((a) => a.segment))].sort());
		const named = sample.accounts.map((a) => a.csm).filter((csm) => typeof csm === 'string');
		expect(await csms(db)).toEqual([...new Set(named)].sort());
	});
});

describe('accountDetail', () => {
	it('gives the account, its contacts, its ten latest snapshots, score and history', async () => {
		const account = sample.accounts[3]!;
		const detail = await accountDetail(db, account.id);
		expect(detail?.account).toEqual(account);
		expect(ids(detail!.contacts)).toEqual(
			ids(sample.contacts.filter((contact) => contact.account_id === account.id))
		);
		const own = sample.snapshots.filter((snapshot) => snapshot.account_id === account.id);
		expect(detail?.snapshots).toEqual(
			sortedBy(own, (snapshot) => snapshot.date)
				.reverse()
				.slice(0, 10)
		);
		expect(detail?.score?.account_id).toBe(account.id);
		expect(detail?.history?.dates.at(-1)).toBe(asOf);
	});

	it('is null for an account that does not exist', async () => {
		expect(await accountDetail(db, 'nope')).toBeNull();
	});
});

describe('the workspace in parts', () => {
	it('scorecards in the workspace order, and the currency from the settings', async () => {
		const store = testDatabase();
		const scorecards = [...sample.scorecards].reverse();
		await replaceWorkspace(store, { ...sample, scorecards, settings: { currency: 'EUR' } });
		expect((await orderedScorecards(store)).map((s) => s.id)).toEqual(scorecards.map((s) => s.id));
		expect(await workspaceCurrency(store)).toBe('EUR');
		expect(await workspaceCurrency(db)).toBe('USD');
	});

	it('one account as a workspace scores as it does in the whole', async () => {
		const account = sample.accounts[7]!;
		const found = await accountWorkspace(db, account.id);
		expect(found?.account).toEqual(account);
		const whole = scoreWorkspace(sample, asOf).find((score) => score.account_id === account.id);
		expect(scoreWorkspace(found!.workspace, asOf)).toEqual([whole]);
		expect(await accountWorkspace(db, 'nope')).toBeNull();
		// Its manual measure entries come with it (manual measures score from them).
		const entry = {
			account_id: account.id,
			measure_id: 'exec_sponsor',
			value: true,
			entered_by: 'kim@vendor.example',
			entered_at: `${asOf}T09:00:00.000Z`
		};
		await db.manualEntries.add(entry);
		const withEntry = await accountWorkspace(db, account.id);
		expect(withEntry?.workspace.manual_entries).toEqual([entry]);
		await db.manualEntries.clear();
	});

	it('every history row', async () => {
		expect(await historyRows(db)).toHaveLength(150);
	});
});

describe('portfolioRows', () => {
	it('joins every live account with its score', async () => {
		const rows = await portfolioRows(db);
		expect(rows).toHaveLength(sample.accounts.length - churned.size);
		expect(rows.every((row) => row.score?.account_id === row.account.id)).toBe(true);
		expect(rows.some((row) => churned.has(row.account.id))).toBe(false);
		expect(await portfolioRows(db, { includeChurned: true })).toHaveLength(150);
	});
});

describe('trendOf the cached histories', () => {
	const churnedOn = () =>
		new Map(
			scores.flatMap((score) => (score.churned_on ? [[score.account_id, score.churned_on]] : []))
		);

	it('gives per week the mean score and the bands of the accounts not churned by then', async () => {
		const trend = trendOf(await historyRows(db), churnedOn(), null);
		expect(trend).toHaveLength(53);
		const last = trend.at(-1)!;
		expect(last.date).toBe(asOf);
		const live = liveScores();
		const scored = live.filter((score) => score.overall !== null);
		expect(last.scored).toBe(scored.length);
		expect(last.mean).toBeCloseTo(
			scored.reduce((sum, score) => sum + score.overall!, 0) / scored.length,
			9
		);
		const bands: Record<string, number> = {};
		for (const score of live) if (score.band) bands[score.band] = (bands[score.band] ?? 0) + 1;
		expect(last.bands).toEqual(bands);
		// Accounts that churned later still count in the weeks before.
		const first = trend[0]!;
		expect(Object.values(first.bands).reduce((a, b) => a + b, 0)).toBeGreaterThan(live.length);
	});

	it('is empty before any scores are computed', async () => {
		expect(trendOf(await historyRows(testDatabase()), new Map(), null)).toEqual([]);
	});
});
