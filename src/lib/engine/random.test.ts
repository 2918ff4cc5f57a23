import { describe, expect, it } from 'vitest';
import { Random } from './random';

describe('Random', () => {
	it('gives the same sequence for the same seed and another for another seed', () => {
		const draw = (seed: number) =>
			Array.from({ length: 5 }, () => new Random(seed)).map((r) => r.next());
		const a = new Random(42);
		const b = new Random(42);
		const c = new Random(43);
		const seqA = Array.from({ length: 20 }, () => a.next());
		expect(Array.from({ length: 20 }, () => b.next())).toEqual(seqA);
		expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(seqA);
		expect(draw(1)).toEqual(draw(1));
	});

	it('stays within its ranges', () => {
		const random = new Random(7);
		for (let i = 0; i < 1000; i++) {
			const x = random.next();
			expect(x).toBeGreaterThanOrEqual(0);
			expect(x).toBeLessThan(1);
			const n = random.int(3, 5);
			expect([3, 4, 5]).toContain(n);
		}
	});
});
