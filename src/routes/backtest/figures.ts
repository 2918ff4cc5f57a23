/**
 * The Backtest page's own figures: AUCs and lifts with two decimals, Brier scores with three,
 * through `Intl` in the current locale like every other number (format.ts has no fixed-decimals
 * formatter yet).
 */
import { getLocale } from '$lib/i18n/messages';

const cached = new Map<string, Intl.NumberFormat>();

function fixed(value: number | null | undefined, decimals: number): string {
	if (value === null || value === undefined || !Number.isFinite(value)) return '–';
	const locale = getLocale();
	const key = `${locale}|${decimals}`;
	let format = cached.get(key);
	if (!format) {
		format = new Intl.NumberFormat(locale, {
			minimumFractionDigits: decimals,
			maximumFractionDigits: decimals
		});
		cached.set(key, format);
	}
	return format.format(value);
}

/** A ratio such as an AUC (0.81) or a lift (3.61) with two decimals; "–" for none. */
export function formatRatio(value: number | null | undefined): string {
	return fixed(value, 2);
}

/** A Brier score (0.123): the models compared differ in the second or third decimal. */
export function formatBrier(value: number | null | undefined): string {
	return fixed(value, 3);
}
