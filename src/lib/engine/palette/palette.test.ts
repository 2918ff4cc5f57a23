import { describe, expect, it } from 'vitest';
import { workspaceWith } from '../../../../tests/support/workspace';
import { parseWorkspace, scoreWorkspace, varsRead, type Scorecard } from '..';
import { generateSample } from '../sample';
import { PALETTE_JA } from './ja';
import {
	defaultScoring,
	expressionMeasure,
	keyFrom,
	keyProblem,
	metricMeasure,
	PALETTE,
	PALETTE_KINDS,
	paletteEntry,
	paletteIn,
	parseExpression,
	placeMeasure,
	uniqueKey
} from '.';

/** One scorecard holding every palette measure, each in a group of its own. */
function everything(): Scorecard {
	return {
		id: 'palette',
		name: 'Palette',
		groups: PALETTE.map((entry) => ({
			id: entry.id,
			name: entry.measure.name,
			measures: [entry.measure]
		}))
	};
}

const sample = generateSample({ accounts: 150, weeks: 2 });

describe('the palette', () => {
	it('holds every measure the builder offers, each under its kind, ids unique', () => {
		expect(PALETTE.map((entry) => entry.id)).toEqual([
			'seat_penetration',
			'licences_unassigned',
			'dormant_users',
			'login_frequency',
			'login_frequency_per_user',
			'active_days',
			'days_since_last_login',
			'feature_breadth',
			'usage_depth',
			'workflow_completion',
			'integrations',
			'power_users',
			'exec_sponsor',
			'qbr_attended',
			'nps',
			'csat',
			'support_tickets',
			'response_time',
			'outcome_progress',
			'roi',
			'invoices_late',
			'contract_length'
		]);
		for (const entry of PALETTE) {
			expect(PALETTE_KINDS).toContain(entry.kind);
			expect(entry.measure.id).toBe(entry.id);
			expect(entry.measure.description).toBeTruthy();
			expect(paletteEntry(entry.id)).toBe(entry);
		}
	});

	it('is made of valid measures', () => {
		const parsed = parseWorkspace(workspaceWith({ scorecards: [everything()] }));
		expect(parsed.ok ? [] : parsed.errors).toEqual([]);
	});

	it('reads only facts the sample has, except the metrics an entry says it needs', () => {
		const known = new Set([
			...sample.accounts.flatMap((a) => [...Object.keys(a), ...Object.keys(a.facts ?? {})]),
			...sample.snapshots.flatMap((s) => Object.keys(s.metrics))
		]);
		for (const entry of PALETTE) {
			const unknown = varsRead(entry.measure.value).filter((name) => !known.has(name));
			expect(unknown, entry.id).toEqual([...(entry.needs ?? [])]);
		}
	});

	it('scores the sample with spread: no measure gives every account the same score', () => {
		const scores = scoreWorkspace({ ...sample, scorecards: [everything()] }, '2026-11-23');
		for (const entry of PALETTE.filter((e) => !e.needs)) {
			const values = scores
				.map((score) => score.measures[entry.id]?.score)
				.filter((score): score is number => typeof score === 'number');
			expect(values.length, entry.id).toBeGreaterThan(10);
			expect(new Set(values).size, entry.id).toBeGreaterThan(1);
		}
	});

	it('places a copy under an id not taken, leaving the palette untouched', () => {
		const entry = paletteEntry('nps')!;
		const before = structuredClone(entry.measure);
		const placed = placeMeasure(entry.measure, new Set(['nps', 'nps_2']));
		expect(placed.id).toBe('nps_3');
		placed.name = 'Changed';
		expect(entry.measure).toEqual(before);
	});
});

describe('ids', () => {
	it('makes keys from names', () => {
		expect(keyFrom('Seats / Licences (%)')).toBe('seats_licences');
		expect(keyFrom('Évolution')).toBe('evolution');
		expect(keyFrom('2024 NPS')).toBe('measure_2024_nps');
		expect(keyFrom('!!!', 'group')).toBe('group');
		expect(keyFrom('constructor')).toBe('measure');
	});

	it('finds the first free id', () => {
		expect(uniqueKey('a', new Set())).toBe('a');
		expect(uniqueKey('a', new Set(['a', 'a_2']))).toBe('a_3');
	});

	it('says why a typed id cannot be used, by the workspace’s own rule', () => {
		const taken = new Set(['adoption']);
		expect(keyProblem('usage', taken)).toBeNull();
		expect(keyProblem('Usage-2_b', taken)).toBeNull();
		expect(keyProblem('', taken)).toBe('empty');
		expect(keyProblem('2nd', taken)).toBe('format');
		expect(keyProblem('with space', taken)).toBe('format');
		expect(keyProblem('a.b', taken)).toBe('format');
		expect(keyProblem('__proto__', taken)).toBe('reserved');
		expect(keyProblem('adoption', taken)).toBe('taken');
		// Whatever keyProblem accepts, the workspace accepts.
		const card = (id: string): Scorecard => ({
			id: 'c',
			name: 'C',
			groups: [{ id, name: 'G', measures: [] }]
		});
		for (const id of ['usage', 'Usage-2_b', '_x'])
			expect(parseWorkspace(workspaceWith({ scorecards: [card(id)] })).ok).toBe(true);
		for (const id of ['2nd', 'a.b', 'constructor'])
			expect(parseWorkspace(workspaceWith({ scorecards: [card(id)] })).ok).toBe(false);
	});
});

describe('custom measures', () => {
	it('score yes/no, categories and numbers by default', () => {
		expect(defaultScoring([true, false, null])).toEqual({
			type: 'map',
			map: { true: 100, false: 0 },
			else: 0
		});
		expect(defaultScoring(['gold', 'silver', 'gold'])).toEqual({
			type: 'map',
			map: { gold: 50, silver: 50 },
			else: 0
		});
		const numbers = Array.from({ length: 11 }, (_, i) => i * 10);
		expect(defaultScoring(numbers)).toEqual({
			type: 'linear',
			points: [
				[0, 0],
				[90, 100]
			]
		});
		expect(defaultScoring([])).toEqual({
			type: 'linear',
			points: [
				[0, 0],
				[1, 100]
			]
		});
	});

	it('reads a metric as it is, as a valid measure', () => {
		const measure = metricMeasure('logins_30d', [1, 5, 30]);
		expect(measure).toMatchObject({
			id: 'logins_30d',
			name: 'Logins 30d',
			value: { var: 'logins_30d' }
		});
		const card = { id: 'c', name: 'C', groups: [{ id: 'g', name: 'G', measures: [measure] }] };
		expect(parseWorkspace(workspaceWith({ scorecards: [card] })).ok).toBe(true);
	});

	it('checks a typed expression: JSON first, then its operators', () => {
		expect(parseExpression('{"/": [{"var": "a"}, {"var": "b"}]}')).toEqual({
			ok: true,
			value: { '/': [{ var: 'a' }, { var: 'b' }] }
		});
		const notJson = parseExpression('{"/": [');
		expect(notJson.ok).toBe(false);
		const unknown = parseExpression('{"frobnicate": [1]}');
		expect(unknown).toMatchObject({
			ok: false,
			problems: [{ path: ['frobnicate'], message: 'unknown JSON-logic operator "frobnicate"' }]
		});
		expect(expressionMeasure('Seats per login', { var: 'x' }).id).toBe('seats_per_login');
	});
});

describe('the palette in Japanese', () => {
	it('names and describes every entry in Japanese, the rest of each measure as in English', () => {
		const japanese = paletteIn('ja');
		expect(japanese.map((entry) => entry.id)).toEqual(PALETTE.map((entry) => entry.id));
		japanese.forEach((entry, index) => {
			const english = PALETTE[index]!;
			expect(entry.measure.name).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
			expect(entry.measure.description).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
			const { name: _n, description: _d, ...rest } = entry.measure;
			const { name: _en, description: _ed, ...englishRest } = english.measure;
			expect(rest).toEqual(englishRest);
		});
		expect(paletteEntry('seat_penetration', 'ja')?.measure.name).toBe(
			PALETTE_JA.seat_penetration!.name
		);
		expect(paletteEntry('seat_penetration')?.measure.name).toBe('Seat penetration');
		expect(paletteIn('fr')).toBe(PALETTE);
	});
});
