/**
 * The one message catalogue for UI text. English is the reference: its keys and `{param}`
 * placeholders define the types, so a `ja` dictionary added later must cover the same keys with
 * the same placeholders (a missing key falls back to English rather than showing the key).
 */
const en = {
	'app.name': 'Scorecraft',
	'app.tagline': 'Customer-health scorecards',
	'nav.label': 'Main',
	'nav.dashboard': 'Dashboard',
	'nav.accounts': 'Accounts',
	'nav.scorecards': 'Scorecards',
	'nav.plays': 'Plays',
	'nav.templates': 'Templates',
	'nav.outbox': 'Outbox',
	'nav.mailbox': 'Mailbox',
	'nav.backtest': 'Backtest',
	'nav.data': 'Data',
	'nav.settings': 'Settings',
	'nav.skip': 'Skip to content',

	'portfolio.loading': 'Loading sample workspace…',
	'portfolio.failed': 'The sample workspace could not be loaded: {error}',
	'portfolio.asOf': 'Scores as of {date} · sample data',
	'portfolio.churnedHidden': '{count} accounts that churned earlier are not shown',

	'band.unscored': 'Unscored',
	'band.noData': 'No data',

	'dashboard.title': 'Dashboard',
	'dashboard.bands.caption': 'Accounts by health band',
	'dashboard.bands.band': 'Band',
	'dashboard.bands.count': 'Accounts',
	'dashboard.bands.share': 'Share',
	'dashboard.bands.arr': 'ARR',
	'dashboard.bands.total': 'Total',
	'dashboard.lowest.title': 'Lowest scores',
	'dashboard.lowest.caption': 'The {count} accounts with the lowest scores',
	'dashboard.lowest.all': 'All accounts',
	'dashboard.later': 'Charts, trends and the action queue come later.',

	'accounts.title': 'Accounts',
	'accounts.caption': 'Account health scores',

	'table.filter': 'Filter by name',
	'table.summary': 'Showing {from}–{to} of {total} accounts',
	'table.summaryFiltered':
		'Showing {from}–{to} of {total} accounts matching “{query}” ({all} in all)',
	'table.empty': 'No accounts match.',
	'table.sortBy': 'Sort by {column}',
	'table.col.name': 'Account',
	'table.col.segment': 'Segment',
	'table.col.scorecard': 'Scorecard',
	'table.col.overall': 'Score',
	'table.col.band': 'Band',
	'table.col.arr': 'ARR',
	'table.col.renewal': 'Renewal',
	'table.col.missing': 'Missing',
	'table.missingTitle': '{count} measures without data',
	'table.pager': 'Pages',
	'table.first': 'First',
	'table.previous': 'Previous',
	'table.next': 'Next',
	'table.last': 'Last',
	'table.pageOf': 'Page {page} of {pages}',
	'table.none': '—',

	'scorecards.title': 'Scorecards',
	'scorecards.notBuilt':
		'Not built yet: the scorecard builder, where you pick measures from a palette, group and weight them, set bands and the segment each scorecard applies to, and see the effect on real accounts while editing.',
	'plays.title': 'Plays',
	'plays.notBuilt':
		'Not built yet: plays turn scores into digital customer-success actions (emails, tasks, tags, webhooks), with a dry run that shows who would get what and why before anything is sent.',
	'templates.title': 'Templates',
	'templates.notBuilt':
		'Not built yet: an MJML email template editor with a live preview for a chosen account and a test send.',
	'outbox.title': 'Outbox',
	'outbox.notBuilt':
		'Not built yet: every planned and performed action, with its status, the play that caused it and why.',
	'mailbox.title': 'Mailbox',
	'mailbox.notBuilt':
		'Not built yet: the emails stored by the local mail sink when no SMTP server is set, shown exactly as a customer would see them.',
	'backtest.title': 'Backtest',
	'backtest.notBuilt':
		'Not built yet: replays past scores against renewals and churn to show whether a scorecard predicts outcomes.',
	'data.title': 'Data',
	'data.notBuilt':
		'Not built yet: CSV import with column mapping and row-level errors, the sample data, and workspace export and import.',
	'settings.title': 'Settings',
	'settings.notBuilt':
		'Not built yet: sending limits, the SMTP connection, language and other workspace settings.'
} as const;

export type MessageKey = keyof typeof en;
export type Locale = 'en';
export type Dictionary = { readonly [K in MessageKey]: string };

/** The names between braces in a message, e.g. `'{from}–{to}'` gives `'from' | 'to'`. */
type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
	? Name | Placeholders<Rest>
	: never;

/** The keys of messages without placeholders: what a label passed around as data can be. */
export type PlainMessageKey = {
	[K in MessageKey]: Placeholders<(typeof en)[K]> extends never ? K : never;
}[MessageKey];

export type MessageParams<K extends MessageKey> = Record<
	Placeholders<(typeof en)[K]>,
	string | number
>;

const dictionaries: Record<Locale, Partial<Dictionary>> = { en };

let current: Locale = 'en';

export function setLocale(locale: Locale): void {
	current = locale;
	// Screen readers and the browser's hyphenation read the document's language.
	if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

/** The BCP 47 tag `Intl` formatters use for the current locale. */
export function getLocale(): Locale {
	return current;
}

/** The message for `key` in the current locale, with its `{placeholders}` filled from `params`. */
export function t<K extends MessageKey>(
	key: K,
	...params: Placeholders<(typeof en)[K]> extends never ? [] : [MessageParams<K>]
): string {
	const message: string = dictionaries[current][key] ?? en[key];
	const values = params[0] as Record<string, string | number> | undefined;
	if (!values) return message;
	return message.replace(/\{(\w+)\}/g, (whole, name: string) =>
		Object.hasOwn(values, name) ? String(values[name]) : whole
	);
}
