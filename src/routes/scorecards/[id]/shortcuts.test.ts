import { describe, expect, it } from 'vitest';
import { undoShortcut } from './shortcuts';

const key = (
	key: string,
	mods: { ctrl?: boolean; meta?: boolean; shift?: boolean; alt?: boolean } = {}
) => ({
	key,
	ctrlKey: mods.ctrl ?? false,
	metaKey: mods.meta ?? false,
	shiftKey: mods.shift ?? false,
	altKey: mods.alt ?? false,
	target: null
});

describe('undoShortcut', () => {
	it('reads Ctrl+Z as undo and Ctrl+Shift+Z or Ctrl+Y as redo, ⌘ too', () => {
		expect(undoShortcut(key('z', { ctrl: true }))).toBe('undo');
		expect(undoShortcut(key('Z', { ctrl: true, shift: true }))).toBe('redo');
		expect(undoShortcut(key('y', { ctrl: true }))).toBe('redo');
		expect(undoShortcut(key('z', { meta: true }))).toBe('undo');
	});

	it('leaves other keys alone', () => {
		expect(undoShortcut(key('z'))).toBeNull();
		expect(undoShortcut(key('z', { ctrl: true, alt: true }))).toBeNull();
		expect(undoShortcut(key('s', { ctrl: true }))).toBeNull();
	});
});
