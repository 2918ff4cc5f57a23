/** Random scorecards and facts, to hold the scorers to the same results. */
import { PERIODS, type Facts, type Measure, type Scorecard } from '../../src/lib/engine';
import type { FactsWithPeriods } from '../../src/lib/engine/facts';
import type { Random } from '../../src/lib/engine/random';
import { randomLogic } from './random-logic';

const METRICS = ['a', 'b', 'n', 'z', 's', 'flag', 'nothing', 'absent'];

function randomScoring(random: Random): Measure['scoring'] {
	const kind = random.pick(['steps', 'linear', 'map', 'logic'] as const);
	switch (kind) {
		case 'steps':
			return {
				type: 'steps',
				steps: Array.from({ length: random.int(0, 4) }, () =>
					random.chance(0.6)
						? { min: random.int(-2, 10), score: random.int(-10, 120) }
						: { max: random.int(-2, 10), score: random.int(0, 100) }
				),
				...(random.chance(0.7) ? { else: random.int(0, 100) } : {})
			};
		case 'linear': {
			let x = random.int(-5, 2);
			return {
				type: 'linear',
				points: Array.from({ length: random.int(1, 4) }, () => {
					x += random.int(1, 5) + random.pick([0, 0.5, 0.25]);
					return [x, random.int(-20, 130)] as [number, number];
				})
			};
		}
		case 'map':
			return {
				type: 'map',
				map: { true: random.int(0, 100), false: random.int(0, 100), a: 55, '2': 80 },
				...(random.chance(0.5) ? { else: 5 } : {})
			};
		case 'logic':
			return random.chance(0.5)
				? { type: 'logic', logic: { '*': [{ var: 'value' }, random.int(1, 20)] } }
				: { type: 'logic', logic: randomLogic(random, 2) };
	}
}

function randomValue(random: Random): Measure['value'] {
	const metric = () => random.pick(METRICS);
	return random.pick<() => Measure['value']>([
		() => ({ var: metric() }),
		() => ({ '/': [{ var: metric() }, { var: metric() }] }),
		() => ({ var: [metric(), random.int(0, 3)] }),
		() => randomLogic(random, 1)
	])();
}

export function randomScorecard(random: Random, id: string): Scorecard {
	let measureCount = 0;
	return {
		id,
		name: id,
		priority: random.int(0, 3),
		...(random.chance(0.8)
			? { applies_to: { '==': [{ var: 'segment' }, random.pick(['scale', 'mid'])] } }
			: {}),
		...(random.chance(0.5)
			? {
					bands: [
						{ name: 'Low', min: random.int(0, 30) },
						{ name: 'High', min: random.int(40, 90) }
					]
				}
			: {}),
		groups: Array.from({ length: random.int(1, 3) }, (_, g) => ({
			id: `g${g}`,
			name: `Group ${g}`,
			...(random.chance(0.8) ? { weight: random.pick([0, 1, 20, 33.3, 50]) } : {}),
			measures: Array.from({ length: random.int(1, 4) }, () => ({
				id: `m${measureCount++}`,
				name: 'measure',
				...(random.chance(0.8) ? { weight: random.pick([0, 1, 2, 0.5, 3]) } : {}),
				value: randomValue(random),
				scoring: randomScoring(random),
				...(random.chance(0.2)
					? { decay: random.chance(0.5) ? { periods: random.int(2, 4) } : {} }
					: {})
			}))
		}))
	};
}

/** Random facts, sometimes with the facts of earlier periods attached (for decayed measures). */
export function randomFacts(random: Random): FactsWithPeriods {
	const facts: FactsWithPeriods = randomFlatFacts(random);
	if (random.chance(0.5)) {
		facts[PERIODS] = [
			facts,
			...Array.from({ length: random.int(0, 5) }, () =>
				random.chance(0.7) ? randomFlatFacts(random) : undefined
			)
		];
	}
	return facts;
}

function randomFlatFacts(random: Random): Facts {
	const facts: Facts = { id: 'x', segment: random.pick(['scale', 'mid', 'enterprise']) };
	for (const key of METRICS) {
		if (random.chance(0.2)) continue;
		facts[key] = random.pick<() => unknown>([
			() => random.int(-2, 12),
			() => random.between(0, 10),
			() => 0,
			() => null,
			() => random.chance(0.5),
			() => random.pick(['a', '2', '', 'x']),
			() => [1, 2]
		])();
	}
	return facts;
}
