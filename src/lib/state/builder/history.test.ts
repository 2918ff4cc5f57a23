import { describe, expect, it } from 'vitest';
import { UndoHistory } from './history.svelte';

describe('UndoHistory', () => {
	it('steps back and forth, and forgets the way forward on a new record', () => {
		const history = new UndoHistory<number>();
		history.record(0, 'one', null);
		history.record(1, 'two', null);
		expect(history.undo(2)).toEqual({ value: 1, label: 'two' });
		expect(history.redoLabel).toBe('two');
		expect(history.redo(1)).toEqual({ value: 2, label: 'two' });
		history.undo(2);
		history.record(1, 'three', null);
		expect(history.canRedo).toBe(false);
		expect(history.undo(5)).toEqual({ value: 1, label: 'three' });
		expect(history.undo(1)).toEqual({ value: 0, label: 'one' });
		expect(history.undo(0)).toBeNull();
	});

	it('joins records of the same field until sealed', () => {
		const history = new UndoHistory<number>();
		history.record(0, 'weight', 'w');
		history.record(1, 'weight', 'w');
		history.record(2, 'weight', 'w');
		expect(history.undo(3)).toEqual({ value: 0, label: 'weight' });
		history.record(0, 'weight', 'w');
		history.seal();
		history.record(1, 'weight', 'w');
		expect(history.undo(2)?.value).toBe(1);
		expect(history.undo(1)?.value).toBe(0);
	});

	it('keeps at most its limit of steps', () => {
		const history = new UndoHistory<number>(3);
		for (let i = 0; i < 10; i++) history.record(i, `${i}`, null);
		expect([history.undo(10)?.value, history.undo(9)?.value, history.undo(8)?.value]).toEqual([
			9, 8, 7
		]);
		expect(history.canUndo).toBe(false);
	});
});
