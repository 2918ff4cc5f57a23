/** The scorecards shipped in `rules/`: valid, scoring the sample, and scoring known facts as designed. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRuleCases, ruleCaseFiles } from '../../../tests/support/rule-cases';
import { workspaceWith } from '../../../tests/support/workspace';
import {
	compileScorecards,
	parseWorkspace,
	scoreFacts,
	scoreWorkspace,
	varsRead,
	type Scorecard
} from '.';
import { generateSample, SAMPLE_END, shippedScorecards } from './sample';

const files = readdirSync('rules')
	.filter((name) => name.endsWith('.json'))
	.sort();
const cards = new Map(
	files.map((name) => [name, JSON.parse(readFileSync(join('rules', name), 'utf8')) as Scorecard])
);
const sample = generateSample({ accounts: 600 });

describe.each(files)('rules/%s', (file) => {
	const card = cards.get(file)!;

	it('is a valid, published scorecard named after its file, with explicit bands', () => {
		const parsed = parseWorkspace(workspaceWith({ scorecards: [card] }));
		expect(parsed.ok ? [] : parsed.errors).toEqual([]);
		expect(`${card.id}.json`).toBe(file);
		expect(card).toMatchObject({
			status: 'published',
			version: expect.any(Number),
			description: expect.any(String)
		});
		expect(card.bands?.map((band) => [band.name, band.min])).toEqual([
			['Red', 0],
			['Orange', 40],
			['Yellow', 60],
			['Green', 80]
		]);
		expect(card.bands?.every((band) => /^#[0-9a-f]{6}$/i.test(band.color ?? ''))).toBe(true);
	});

	it('reads only facts and metrics the sample has', () => {
		const known = new Set([
			...sample.accounts.flatMap((account) => [
				...Object.keys(account),
				...Object.keys(account.facts ?? {})
			]),
			...sample.snapshots.slice(0, 500).flatMap((snapshot) => Object.keys(snapshot.metrics))
		]);
		const read = card.groups.flatMap((group) =>
			group.measures.flatMap((measure) => varsRead(measure.value))
		);
		expect(read.filter((name) => !known.has(name))).toEqual([]);
	});

	it('scores its share of the sample, nearly all with data', () => {
		const results = scoreWorkspace({ ...sample, scorecards: [card] }, SAMPLE_END).filter(
			(result) => result.scorecard_id === card.id
		);
		expect(results.length).toBeGreaterThan(50);
		const noData = results.filter((result) => result.band === 'No data').length;
		expect(noData / results.length).toBeLessThanOrEqual(0.02);
		// Every measure has data for some account: none reads a metric under the wrong name.
		for (const measure of card.groups.flatMap((group) => group.measures)) {
			expect(
				results.some((result) => result.measures[measure.id]?.score !== null),
				measure.id
			).toBe(true);
		}
	});
});

it('ships the files the sample workspace carries, in priority order', () => {
	const byPriority = [...cards.values()].sort((a, b) => (a.priority ?? 0) - (b.priority ?? 0));
	expect(shippedScorecards()).toEqual(byPriority);
	expect(byPriority.map((card) => card.id)).toEqual([
		'scale',
		'enterprise-dream',
		'three-dimensions'
	]);
});

const caseFiles = ruleCaseFiles();

it('has a case file for every shipped scorecard', () => {
	expect(caseFiles.sort()).toEqual(files);
});

describe.each(caseFiles)('rules/cases/%s', (file) => {
	const card = cards.get(file)!;
	const compiled = compileScorecards([card]);
	const cases = readRuleCases(file);

	it.each(cases)('$description', ({ facts, expected }) => {
		const result = scoreFacts(compiled, facts, 'case');
		if (expected.overall !== undefined) {
			if (expected.overall === null) expect(result.overall).toBeNull();
			else expect(result.overall).toBeCloseTo(expected.overall, 6);
		}
		if (expected.band !== undefined) expect(result.band).toBe(expected.band);
		for (const [id, score] of Object.entries(expected.groups ?? {})) {
			if (score === null) expect(result.groups[id], id).toBeNull();
			else expect(result.groups[id], id).toBeCloseTo(score, 6);
		}
		for (const [id, score] of Object.entries(expected.measures ?? {})) {
			if (score === null) expect(result.measures[id]?.score, id).toBeNull();
			else expect(result.measures[id]?.score, id).toBeCloseTo(score, 6);
		}
	});
});
