import { describe, expect, it } from 'vitest';
import { parseWorkspace, scoreWorkspace, type Scorecard } from '..';
import { generateSample, SAMPLE_END, shippedPlays, shippedScorecards } from '.';

const options = { seed: 3, accounts: 120, weeks: 12 };
const english = generateSample(options);
const japanese = generateSample({ ...options, language: 'ja' });

/** Japanese writing: kana, kanji, and full-width marks (「Enterprise（DREAM）」 is Japanese text). */
const JAPANESE = /[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]/;

/** A scorecard without its words: what must be the same in every language. */
function logicOf(card: Scorecard): unknown {
	return JSON.parse(
		JSON.stringify(card, (key, value) =>
			key === 'name' || key === 'description' ? undefined : value
		)
	);
}

describe('the sample for a Japanese team', () => {
	it('is a valid workspace, in yen', () => {
		const parsed = parseWorkspace(japanese);
		expect(parsed.ok ? [] : parsed.errors.slice(0, 5)).toEqual([]);
		expect(japanese.settings.currency).toBe('JPY');
	});

	it('tells the same stories: the same accounts, history and outcomes, so the same scores', () => {
		expect(japanese.accounts.map((a) => [a.id, a.segment, a.renewal_date])).toEqual(
			english.accounts.map((a) => [a.id, a.segment, a.renewal_date])
		);
		expect(japanese.snapshots).toEqual(english.snapshots);
		expect(japanese.outcomes.map((o) => [o.account_id, o.date, o.type])).toEqual(
			english.outcomes.map((o) => [o.account_id, o.date, o.type])
		);
		const scores = (workspace: typeof english) =>
			scoreWorkspace(workspace, SAMPLE_END).map((s) => [s.account_id, s.overall, s.band]);
		expect(scores(japanese)).toEqual(scores(english));
	});

	it('names Japanese companies, each once, and quotes ARR in yen', () => {
		const names = japanese.accounts.map((account) => account.name);
		expect(new Set(names).size).toBe(names.length);
		expect(names.every((name) => JAPANESE.test(name))).toBe(true);
		expect(names.filter((name) => name.includes('株式会社')).length).toBeGreaterThan(
			names.length / 2
		);
		japanese.accounts.forEach((account, index) => {
			const dollars = english.accounts[index]!.arr!;
			expect(account.arr).toBe(Math.round((dollars * 150) / 10_000) * 10_000);
		});
	});

	it('gives its people Japanese names, addresses of their company, and Japanese as their language', () => {
		expect(japanese.contacts.map((c) => c.id)).toEqual(english.contacts.map((c) => c.id));
		const emails = japanese.contacts.map((contact) => contact.email);
		expect(new Set(emails).size).toBe(emails.length);
		japanese.contacts.forEach((contact, index) => {
			const before = english.contacts[index]!;
			expect(contact.name).toMatch(JAPANESE);
			expect(contact.locale).toBe('ja');
			expect(contact.email).toMatch(/^[a-z0-9.]+(@| at )[a-z0-9.-]+$/);
			// The company's domain, and a broken address broken the same way.
			expect(contact.email.split(/@| at /)[1]).toBe(before.email.split(/@| at /)[1]);
			expect(contact.email.includes(' at ')).toBe(before.email.includes(' at '));
			expect(contact.unsubscribed_at).toBe(before.unsubscribed_at);
		});
	});

	it('comes with the shipped scorecards and plays in Japanese: their logic the English one', () => {
		expect(japanese.scorecards.map(logicOf)).toEqual(shippedScorecards('en').map(logicOf));
		expect(japanese.scorecards.every((card) => JAPANESE.test(card.name))).toBe(true);
		const groups = Object.fromEntries(
			japanese.scorecards.map((card) => [card.id, card.groups.map((group) => group.name)])
		);
		expect(groups).toEqual({
			scale: ['製品導入', '活用促進'],
			'enterprise-dream': ['製品導入', '関係性', 'エンゲージメント', '活用促進', '成熟した活用'],
			'three-dimensions': ['製品', '関係', 'ビジネス']
		});
		const strip = (play: object) =>
			JSON.parse(
				JSON.stringify(play, (key, value) =>
					key === 'name' || key === 'title' || key === 'description' ? undefined : value
				)
			);
		expect(shippedPlays('ja').map(strip)).toEqual(shippedPlays('en').map(strip));
		expect(shippedPlays('ja').every((play) => JAPANESE.test(play.name))).toBe(true);
	});
});
