import { describe, expect, it } from 'vitest';
import { catalogue, inputsOf } from '../../../tests/support/catalogue';
import { eventKey } from './words';

describe.each(['en', 'ja'])('the expansion variants in %s', (locale) => {
	const messages = catalogue(locale);
	const variants = [...messages.keys()].filter((key) => key.endsWith('.expansion'));

	it('exist', () => {
		expect(variants).toContain('backtest.bands.title.expansion');
	});

	it.each(variants)('%s has a base message with the same placeholders', (variant) => {
		const base = variant.slice(0, -'.expansion'.length);
		expect(messages.has(base)).toBe(true);
		expect(inputsOf(messages.get(variant)!)).toEqual(inputsOf(messages.get(base)!));
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
