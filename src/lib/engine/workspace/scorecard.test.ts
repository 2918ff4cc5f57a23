import { describe, expect, it } from 'vitest';
import { shippedScorecards } from '../sample';
import { parseScorecard as validateScorecard, parseScorecardJson } from './scorecard';

describe('validateScorecard', () => {
	it('accepts the shipped scorecards as they are', () => {
		for (const card of shippedScorecards())
			expect(validateScorecard(card)).toMatchObject({ ok: true });
	});

	it('names each problem by its path inside the scorecard', () => {
		const [card] = shippedScorecards();
		const bad = structuredClone(card!);
		bad.groups[1]!.weight = -1;
		bad.groups[1]!.measures.push({ ...bad.groups[0]!.measures[0]! });
		bad.groups[0]!.measures[0]!.value = { frobnicate: [1] };
		const result = validateScorecard(bad);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ path: 'groups[1].weight', code: 'too_small' }),
				expect.objectContaining({
					path: 'groups[0].measures[0].value.frobnicate',
					message: 'unknown JSON-logic operator "frobnicate"'
				})
			])
		);
	});

	it('reports duplicate ids with both places', () => {
		const [card] = shippedScorecards();
		card!.groups[1]!.measures.push({ ...card!.groups[0]!.measures[0]! });
		const result = validateScorecard(card);
		expect(result).toMatchObject({
			ok: false,
			errors: [
				{
					path: 'groups[1].measures[1].id',
					message: 'duplicate measure id "seat_penetration" (first at groups[0].measures[0].id)'
				}
			]
		});
	});

	it('refuses what is not a scorecard, and text that is not JSON', () => {
		expect(validateScorecard([])).toMatchObject({ ok: false, errors: [{ path: '(root)' }] });
		expect(validateScorecard({ id: 'x' })).toMatchObject({ ok: false });
		expect(parseScorecardJson('{ "id": ')).toMatchObject({
			ok: false,
			errors: [{ path: '(root)' }]
		});
	});
});
