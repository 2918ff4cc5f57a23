import { describe, expect, it } from 'vitest';
import { AS_OF } from '../../../../tests/support/builders';
import { PreviewBoard } from './board.svelte';
import { PreviewModel } from './preview';
import { preview, usageCard, usageWorkspace } from './testing';

describe('PreviewBoard', () => {
	it("keeps a measure's figures as the same object while an edit leaves them as they were", () => {
		const model = new PreviewModel(usageWorkspace(), AS_OF);
		const board = new PreviewBoard();
		const first = usageCard(80);
		board.set('scale', preview(model, first, null), first);
		const stats = board.measureStats('scale', 'usage')!;
		const fields = board.fields;

		// A threshold edit, answered by a copy (as from the worker): the same figures, the same objects.
		const moved = usageCard(60);
		board.set('scale', structuredClone(preview(model, moved, null)), moved);
		expect(board.measureStats('scale', 'usage')).toBe(stats);
		expect(board.fields).toBe(fields);
		expect(board.get('scale')!.histogram).not.toEqual(preview(model, first, null).histogram);

		// A value read differently: new figures.
		const doubled = usageCard(60);
		doubled.groups[0]!.measures[0]!.value = { '*': [{ var: 'usage' }, 2] };
		board.set('scale', structuredClone(preview(model, doubled, null)), doubled);
		expect(board.measureStats('scale', 'usage')).not.toBe(stats);
		expect(board.measureStats('scale', 'usage')!.numbers!.max).toBe(180);
	});
});
