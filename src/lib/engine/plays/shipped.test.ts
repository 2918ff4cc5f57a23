/** The plays shipped in `rules/plays/`: valid, firing as their data cases say, and alive on the sample. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSample, SAMPLE_END, shippedPlays, shippedScorecards } from '../sample';
import { parseWorkspace } from '../workspace/load';
import type { Play, Workspace } from '../types';
import { ConditionExplainer } from './describe';
import { planPlays } from './plan';

const DIR = 'rules/plays';
const files = readdirSync(DIR)
	.filter((name) => name.endsWith('.json'))
	.sort();
const read = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const sample = generateSample({ accounts: 2000 });
const samplePlan = planPlays({ workspace: sample, asOf: SAMPLE_END });

interface Case {
	description: string;
	context: Record<string, unknown>;
	expected: boolean;
}

describe.each(files)('rules/plays/%s', (file) => {
	const play = read(join(DIR, file)) as Play;

	it('is a valid play named after its file, with the shipped scorecards', () => {
		expect(`${play.id}.json`).toBe(file);
		const workspace: Workspace = {
			...generateSample({ accounts: 1, weeks: 1 }),
			scorecards: shippedScorecards(),
			plays: [play]
		};
		const parsed = parseWorkspace(workspace);
		expect(parsed.ok ? [] : parsed.errors).toEqual([]);
	});

	it.each(read(join(DIR, 'cases', file)) as Case[])('$description', ({ context, expected }) => {
		expect(new ConditionExplainer(play.when).holds(context)).toBe(expected);
	});

	it('fires on the sample workspace', () => {
		expect(samplePlan.entries.some((entry) => entry.play_id === play.id)).toBe(true);
	});
});

it('the sample carries every shipped play', () => {
	expect(
		shippedPlays()
			.map((play) => `${play.id}.json`)
			.sort()
	).toEqual(files);
	expect(sample.plays.map((play) => play.id)).toEqual(shippedPlays().map((play) => play.id));
});
