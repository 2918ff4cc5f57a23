/**
 * The Backtest page's words for the event its score should foresee: churn, or for the expansion
 * target not expanding. A message that names the event has a variant `<key>.expansion` with the
 * same placeholders. The page provides its target by context, so each panel picks its words
 * without a prop threaded through every component.
 */
import { getContext, setContext } from 'svelte';
import type { Target } from '$lib/engine/backtest/observe';
import type { MessageKey } from '$lib/i18n/messages';

/** Each variant by the key it is a variant of. */
type Variants = {
	[K in MessageKey as K extends `${infer Base}.expansion` ? Base : never]: K;
};

/** The keys of messages that name the event: those with an `.expansion` variant. */
export type EventKey = Extract<keyof Variants, MessageKey>;

/** `key` itself for churn, its `.expansion` variant for expansion. */
export function eventKey<K extends EventKey>(key: K, target: Target): K | Variants[K] {
	return target === 'expansion' ? (`${key}.expansion` as Variants[K]) : key;
}

/** The context key of a getter of the page's target (a getter, so a change is seen). */
export const TARGET = Symbol('backtest target');

/** Gives the page's components its target; called once by the page. */
export function provideTarget(target: () => Target): void {
	setContext(TARGET, target);
}

/**
 * The key for the event's words in the page's current target, from a component's initialisation.
 * Churn when no target was provided, as for a component rendered on its own.
 */
export function eventWords(): <K extends EventKey>(key: K) => K | Variants[K] {
	const target = getContext<(() => Target) | undefined>(TARGET);
	return (key) => eventKey(key, target?.() ?? 'churn');
}
