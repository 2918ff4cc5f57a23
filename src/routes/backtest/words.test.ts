import { describe, expect, it } from 'vitest';
import { en } from '$lib/i18n/en';
import { eventKey } from './words';

/** A message's placeholders: each name with its plural categories, if it has forms. */
function placeholders(message: string): string[] {
	return [...message.matchAll(/\{(\w+)(?:\|([^{}]*))?\}/g)]
		.map(([, name, forms]) => {
			if (forms === undefined) return name!;
			const categories = forms.split('|').map((form) => form.slice(0, form.indexOf(':')).trim());
			return `${name}|${categories.sort().join(',')}`;
		})
		.sort();
}

describe('the expansion variants', () => {
	const variants = Object.keys(en).filter((key) => key.endsWith('.expansion'));

	it('exist', () => {
		expect(variants).toContain('backtest.bands.title.expansion');
	});

	it.each(variants)('%s has a base message with the same placeholders', (variant) => {
		const base = variant.slice(0, -'.expansion'.length);
		expect(Object.hasOwn(en, base)).toBe(true);
		const messages = en as Readonly<Record<string, string>>;
		expect(placeholders(messages[variant]!)).toEqual(placeholders(messages[base]!));
	});
});

describe('eventKey', () => {
	it('takes the variant for expansion and the key itself for churn', () => {
		expect(eventKey('backtest.blind.title', 'expansion')).toBe('backtest.blind.title.expansion');
		expect(eventKey('backtest.blind.title', 'churn')).toBe('backtest.blind.title');
	});

	it('accepts only keys with a variant', () => {
		// @ts-expect-error: 'backtest.roc.title' names no event, so it has no variant.
		expect(eventKey('backtest.roc.title', 'churn')).toBe('backtest.roc.title');
	});
});
