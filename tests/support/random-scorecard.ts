/** Random scorecards and facts, to hold the scorers to the same results. */
import { PERIODS, type Facts, type Measure, type Scorecard } from '../../src/lib/engine';
import { EARLIER, type FactsWithPeriods } from '../../src/lib/engine/facts';
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

function randomMissing(random: Random): Pick<Measure, 'missing'> {
	const kind = random.next();
	if (kind < 0.5) return {};
	if (kind < 0.6) return { missing: { policy: 'leave_out' } };
	if (kind < 0.8) return { missing: { policy: 'score', score: random.int(-10, 110) } };
	return { missing: { policy: 'last_known', max_days: random.pick([7, 20, 60]) } };
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
			measures: Array.from({ length: random.int(1, 4) }, () =>
				randomMeasure(random, `m${measureCount++}`)
			)
		}))
	};
}

function randomMeasure(random: Random, id: string): Measure {
	const manual = random.chance(0.2);
	return {
		id,
		name: 'measure',
		...(random.chance(0.8) ? { weight: random.pick([0, 1, 2, 0.5, 3]) } : {}),
		value: manual && random.chance(0.7) ? { var: `manual.${id}` } : randomValue(random),
		scoring: randomScoring(random),
		...(random.chance(0.2)
			? { decay: random.chance(0.5) ? { periods: random.int(2, 4) } : {} }
			: {}),
		...randomMissing(random),
		...(manual ? { manual: { validity_days: random.pick([7, 30, 90]) } } : {})
	};
}

/** Random facts, sometimes with the facts of earlier periods attached (for decayed measures). */
export function randomFacts(random: Random): FactsWithPeriods {
	const facts: FactsWithPeriods = randomFlatFacts(random);
	if (random.chance(0.5)) {
		const earlier = Array.from({ length: random.int(0, 4) }, (_, i) => ({
			date: `2026-10-${String(28 - 7 * i).padStart(2, '0')}`,
			age: 7 * (i + 1) - random.int(0, 3),
			facts: randomFlatFacts(random)
		}));
		facts[EARLIER] = () => earlier;
	}
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
	if (random.chance(0.4)) {
		// Manual entries for some measures, of various ages.
		facts.manual = Object.fromEntries(
			Array.from({ length: 6 }, (_, m) => [`m${m}`, random.int(0, 100)])
		);
		facts.manual_age = Object.fromEntries(
			Array.from({ length: 6 }, (_, m) => [`m${m}`, random.int(0, 120)])
		);
	}
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
