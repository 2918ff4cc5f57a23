/**
 * jsdom lays nothing out and lacks the layout APIs components call: a ResizeObserver (Chart.js
 * follows its box with one, `bind:clientHeight` and the slider use one, bits-ui's floating lists
 * too) and `scrollIntoView`. No-op ones let components run as where nothing can be measured: a
 * table keeps its given viewport height, a chart its first size.
 */
globalThis.ResizeObserver ??= class {
	observe() {}
	unobserve() {}
	disconnect() {}
};
// A few tests here run in Node (`@vitest-environment node`), with no DOM at all.
if (typeof Element !== 'undefined') Element.prototype.scrollIntoView ??= () => {};
