/** The builder's keyboard shortcuts: Ctrl+Z undoes, Ctrl+Shift+Z (or Ctrl+Y) redoes; ⌘ on a Mac. */

/** Where the browser's own undo of typed letters is what a person expects. */
const TEXT_ENTRY =
	'textarea, input[type="text"], input[type="search"], input:not([type]), [contenteditable="true"]';

export function undoShortcut(
	event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'target'>
): 'undo' | 'redo' | null {
	if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
	const target = event.target;
	if (typeof Element !== 'undefined' && target instanceof Element && target.closest(TEXT_ENTRY))
		return null;
	const key = event.key.toLowerCase();
	if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
	if (key === 'y' && !event.shiftKey) return 'redo';
	return null;
}
