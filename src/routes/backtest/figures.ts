/**
 * The Backtest page's own figures: AUCs and lifts with two decimals, through `Intl` in the current
 * locale like every other number (format.ts has no fixed-decimals formatter yet).
 */
import { getLocale } from '$lib/i18n/messages';

let cached: { locale: string; format: Intl.NumberFormat } | null = null;

/** A ratio such as an AUC (0.81) or a lift (3.61) with two decimals; "–" for none. */
export function formatRatio(value: number | null | undefined): string {
	if (value === null || value === undefined || !Number.isFinite(value)) return '–';
	const locale = getLocale();
	if (cached?.locale !== locale)
		cached = {
			locale,
			format: new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 })
		};
	return cached.format.format(value);
}
