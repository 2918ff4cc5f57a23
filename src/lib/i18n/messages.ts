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

	'store.loadingSample': 'Loading the sample workspace…',
	'store.opening': 'Opening the workspace…',
	'store.scoring': 'Recalculating scores…',
	'store.asOf': 'Scores as of {date}',
	'store.failed': 'The scores could not be calculated: {error}',
	'store.readFailed': 'The workspace could not be read: {error}',
	'store.firstStart':
		'Generating the sample workspace and scoring it, in the background. This takes a few seconds the first time only.',
	'store.waiting': 'Waiting for the scores…',
	'store.refreshed':
		'Last scored {accounts} accounts in {seconds} s in the background (reading {read} s, scoring {score} s, writing {write} s)',

	'portfolio.churnedHidden': '{count} accounts that churned earlier are not shown',

	'band.unscored': 'Unscored',
	'band.noData': 'No data',

	'value.yes': 'yes',
	'value.no': 'no',
	'change.none': 'No score to compare with',

	'filter.search': 'Search by name',
	'filter.segment': 'Segment',
	'filter.allSegments': 'All segments',
	'filter.csm': 'CSM',
	'filter.allCsms': 'All CSMs',
	'filter.band': 'Band',
	'filter.allBands': 'All bands',
	'filter.showChurned': 'Show churned accounts ({count})',
	'filter.clear': 'Clear filters',

	'dashboard.title': 'Dashboard',
	'dashboard.noAccounts': 'The workspace has no accounts yet.',
	'dashboard.toData': 'Import them on the Data page.',
	'dashboard.scope': '{count} accounts · {arr} ARR',
	'dashboard.bands.caption': 'Accounts by health band',
	'dashboard.bands.band': 'Band',
	'dashboard.bands.count': 'Accounts',
	'dashboard.bands.share': 'Share',
	'dashboard.bands.arr': 'ARR',
	'dashboard.bands.total': 'Total',
	'dashboard.bands.chartLabel': 'Share of accounts and of ARR per band: {bands}',
	'dashboard.bands.chartPart': '{band} {accounts} of accounts, {arr} of ARR',
	'dashboard.trend.title': 'Portfolio score, last 12 months',
	'dashboard.trend.mean': 'Mean score',
	'dashboard.trend.label': 'Mean score, weekly: {start} on {from}, {end} on {to}',
	'dashboard.trend.empty': 'No score history yet.',
	'dashboard.movers.title': 'Biggest movers, last 30 days',
	'dashboard.movers.up': 'Rising',
	'dashboard.movers.down': 'Falling',
	'dashboard.movers.scores': 'Then → now',
	'dashboard.movers.change': 'Change',
	'dashboard.movers.noneUp': 'No account rose.',
	'dashboard.movers.noneDown': 'No account fell.',
	'dashboard.atRisk.title': 'At risk, renewing within {days} days',
	'dashboard.atRisk.caption': 'Accounts in the Red or Orange band renewing soon, soonest first',
	'dashboard.atRisk.none': 'No Red or Orange account renews in this window.',
	'dashboard.anomalies.title': 'Sudden drops',
	'dashboard.anomalies.caption':
		'Accounts whose score fell 20 points or more within 30 days, biggest drop first',
	'dashboard.anomalies.scores': 'From → to',
	'dashboard.anomalies.drop': 'Drop',
	'dashboard.anomalies.none': 'No score fell 20 points or more in the last 30 days.',
	'dashboard.more': '{shown} of {total} shown.',

	'accounts.title': 'Accounts',
	'accounts.caption': 'Account health scores',
	'accounts.count': '{count} accounts',
	'accounts.countFiltered': '{shown} of {total} accounts',
	'accounts.churned': 'Churned',

	'account.title': 'Account',
	'account.notFound.title': 'Account not found',
	'account.notFound.message': 'No account with id “{id}”. It may have been removed by an import.',
	'account.asOf': 'Scores as of',
	'account.in30Days': 'in 30 days',
	'account.churnedOn': 'Churned on {date}',
	'account.unscored': 'Unscored: no published scorecard applies to this account.',
	'account.breakdown.title': 'Score breakdown',
	'account.breakdown.caption': 'How each group and measure adds up to the overall score',
	'account.breakdown.measure': 'Measure',
	'account.breakdown.value': 'Value',
	'account.breakdown.score': 'Score',
	'account.breakdown.weight': 'Share of overall',
	'account.breakdown.points': 'Points',
	'account.breakdown.overall': 'Overall',
	'account.breakdown.absent': 'Left out: no {facts}',
	'account.breakdown.uncomputable':
		'Left out: no value came out of the facts (a division by zero, or text where a number is needed)',
	'account.trend.title': 'Score trend by group',
	'account.trend.overall': 'Overall',
	'account.trend.label': 'Weekly scores over the last 12 months: {groups}',
	'account.trend.none': 'No score history yet.',
	'account.moved.title': 'Why the score moved',
	'account.moved.from': 'From',
	'account.moved.to': 'To',
	'account.moved.overall': 'Overall {from} → {to}',
	'account.moved.caption': 'The measures that moved the score between {from} and {to}',
	'account.moved.values': 'Value before → after',
	'account.moved.scores': 'Score before → after',
	'account.moved.contribution': 'Points',
	'account.moved.total': 'Change of the overall score',
	'account.moved.none': 'No measure changed between these dates.',
	'account.moved.pickDates': 'Choose two dates to compare.',
	'account.facts.title': 'Latest facts',
	'account.facts.account': 'Account',
	'account.facts.own': 'Facts',
	'account.facts.people': 'People',
	'account.facts.snapshot': 'Snapshot of {date}',
	'account.facts.noSnapshot': 'Snapshot',
	'account.contacts.title': 'Contacts and their usage',
	'account.contacts.caption': 'The account’s contacts, most engaged first',
	'account.contacts.name': 'Name',
	'account.contacts.role': 'Role',
	'account.contacts.email': 'Email',
	'account.contacts.lastSeen': 'Last seen',
	'account.contacts.activeDays': 'Active days (30)',
	'account.contacts.features': 'Features used',
	'account.contacts.engagement': 'Engagement',
	'account.contacts.status': 'Status',
	'account.contacts.active': 'Active',
	'account.contacts.inactive': 'Not seen for 30 days',
	'account.contacts.dormant': 'Dormant',
	'account.contacts.never': 'Never',
	'account.contacts.noUsage': 'No usage data',
	'account.contacts.none': 'No contacts.',

	'table.empty': 'No accounts match.',
	'table.col.name': 'Account',
	'table.col.segment': 'Segment',
	'table.col.csm': 'CSM',
	'table.col.scorecard': 'Scorecard',
	'table.col.overall': 'Score',
	'table.col.band': 'Band',
	'table.col.change': 'Change (30 days)',
	'table.col.arr': 'ARR',
	'table.col.renewal': 'Renewal',
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
	'data.intro':
		'Bring accounts, contacts and product usage in from CSV files, and save or restore the whole workspace.',
	'data.store.counts':
		'The store holds {accounts} accounts, {contacts} contacts and {snapshots} snapshots.',
	'data.store.loading': 'Reading the store…',
	'data.store.starting':
		'The workspace is still opening (the sample is loaded on the very first start): imports and resets wait until it is ready.',
	'data.workspace.title': 'Workspace file',
	'data.workspace.intro':
		'The whole workspace (accounts, contacts, snapshots, outcomes, scorecards, plays, templates and settings) as one JSON file: a backup, or a way to move it to another browser.',
	'data.workspace.export': 'Export',
	'data.workspace.exporting': 'Preparing the workspace file…',
	'data.workspace.exported': 'Saved {file}.',
	'data.workspace.importLabel': 'Import a workspace file',
	'data.workspace.importHint':
		'A JSON file exported from Scorecraft. You are asked before anything is replaced.',
	'data.workspace.reading': 'Checking the workspace file…',
	'data.workspace.notJson': '{file} is not JSON: {error}',
	'data.workspace.invalid':
		'{file} is not a valid workspace file. Nothing was changed. {count} problems:',
	'data.workspace.issues.caption': 'Problems in {file}',
	'data.workspace.issues.path': 'Where',
	'data.workspace.issues.message': 'Problem',
	'data.workspace.issues.more': '…and {count} more.',
	'data.workspace.replacing': 'Replacing the workspace…',
	'data.workspace.replaced': 'The workspace now holds the contents of {file}.',
	'data.failed': 'That did not work, and the store is as it was: {error}',
	'data.refreshing': 'Recalculating scores…',
	'data.confirm.cancel': 'Cancel',
	'data.replace.title': 'Replace the whole workspace?',
	'data.replace.description':
		'Everything in the store is replaced by the contents of {file}. Export the workspace first if you may want it back.',
	'data.replace.confirm': 'Replace the workspace',
	'data.counts.caption': 'Records now and after',
	'data.counts.list': 'Records',
	'data.counts.now': 'Now',
	'data.counts.after': 'After',
	'data.counts.accounts': 'Accounts',
	'data.counts.contacts': 'Contacts',
	'data.counts.snapshots': 'Snapshots',
	'data.counts.outcomes': 'Outcomes',
	'data.counts.scorecards': 'Scorecards',
	'data.counts.plays': 'Plays',
	'data.counts.templates': 'Templates',
	'data.startOver.title': 'Start over',
	'data.startOver.intro':
		'Go back to the generated sample workspace, or start from an empty store and import your own data.',
	'data.reset.button': 'Reset to the sample workspace',
	'data.reset.title': 'Reset to the sample workspace?',
	'data.reset.description':
		'Everything in the store is replaced by the generated sample workspace, with its sample scorecards. Export the workspace first if you may want it back.',
	'data.reset.confirm': 'Reset to the sample',
	'data.reset.running': 'Generating the sample workspace…',
	'data.reset.done': 'The store holds the sample workspace again.',
	'data.empty.button': 'Empty the store',
	'data.empty.title': 'Empty the store?',
	'data.empty.description':
		'Everything in the store is deleted, scorecards, plays and templates too. The sample does not come back on its own. Export the workspace first if you may want it back.',
	'data.empty.confirm': 'Empty the store',
	'data.empty.running': 'Emptying the store…',
	'data.empty.done': 'The store is empty.',

	'import.title': 'Import a CSV',
	'import.intro':
		'One file at a time. Nothing is written until you have seen the mapping, a preview and every problem; then the rows without problems are written all at once.',
	'import.kind.legend': 'What the file holds',
	'import.kind.accounts': 'Accounts',
	'import.kind.accounts.hint': 'one row per account',
	'import.kind.contacts': 'Contacts',
	'import.kind.contacts.hint': 'one row per person',
	'import.kind.snapshots': 'Snapshots',
	'import.kind.snapshots.hint': 'one row per account and date, one column per metric',
	'import.records.accounts': 'accounts',
	'import.records.contacts': 'contacts',
	'import.records.snapshots': 'snapshots',
	'import.file.label': 'CSV file',
	'import.file.hint': 'UTF-8 text with a heading row, separated by commas or semicolons.',
	'import.reading': 'Reading {file}…',
	'import.fileProblem.empty': '{file} is empty: there is no heading row to read.',
	'import.fileProblem.not_utf8':
		'{file} is not UTF-8 text. Save it again as “CSV UTF-8” (in Excel: File › Save as › CSV UTF-8) and choose it again.',
	'import.fileProblem.unreadable': '{file} could not be read.',
	'import.failed': 'The file could not be checked: {error}',
	'import.format': '{file}: {columns} columns separated by {delimiter}.',
	'import.format.decimalComma': 'Numbers written with a decimal comma (0,75) are read as decimals.',
	'import.delimiter.comma': 'commas',
	'import.delimiter.semicolon': 'semicolons',
	'import.delimiter.tab': 'tabs',
	'import.delimiter.pipe': 'vertical bars',
	'import.mapping.title': 'Columns',
	'import.mapping.caption': 'Where each column of the file goes',
	'import.mapping.column': 'Column in the file',
	'import.mapping.sample': 'First value',
	'import.mapping.target': 'Scorecraft field',
	'import.mapping.name': 'Name',
	'import.mapping.type': 'Read as',
	'import.mapping.targetFor': 'Scorecraft field for column {column}',
	'import.mapping.nameFor': 'Name for column {column}',
	'import.mapping.typeFor': 'How to read column {column}',
	'import.mapping.fact': 'Fact (free attribute)',
	'import.mapping.metric': 'Metric',
	'import.mapping.ignore': 'Ignore',
	'import.mapping.required': '{field} (required)',
	'import.mapping.untitled': '(no heading)',
	'import.type.metric': 'Number or yes/no',
	'import.type.auto': 'Number or yes/no, else text',
	'import.type.text': 'Text',
	'import.issue.missing_field': 'Choose the column that holds {field}: it is required.',
	'import.issue.field_twice': '{field} is chosen for more than one column: {columns}.',
	'import.issue.name_twice': 'The name “{name}” is given to more than one column: {columns}.',
	'import.issue.bad_name':
		'Column {column} needs a name without dots (and not __proto__, constructor or prototype).',
	'import.issue.unknown_target': 'Column {column} goes to a field Scorecraft does not know.',
	'import.field.id': 'Id',
	'import.field.id.accounts': 'Account id',
	'import.field.id.contacts': 'Contact id',
	'import.field.account_id': 'Account id',
	'import.field.name': 'Name',
	'import.field.segment': 'Segment',
	'import.field.arr': 'ARR',
	'import.field.renewal_date': 'Renewal date',
	'import.field.csm': 'CSM',
	'import.field.tags': 'Tags',
	'import.field.do_not_contact': 'Do not contact',
	'import.field.email': 'Email',
	'import.field.role': 'Role',
	'import.field.unsubscribed_at': 'Unsubscribed at',
	'import.field.last_seen': 'Last seen',
	'import.field.date': 'Date',
	'import.preview.title': 'Preview',
	'import.preview.caption': 'The first {count} rows as they will be imported',
	'import.preview.row': 'Row',
	'import.preview.problems': 'Problems',
	'import.preview.ok': 'Ready',
	'import.preview.blank': 'Blank row, skipped',
	'import.preview.empty': 'empty',
	'import.preview.unusable': 'The preview appears once every required field has a column.',
	'import.preview.none': 'The file has a heading row but no rows under it.',
	'import.value.yes': 'yes',
	'import.value.no': 'no',
	'import.check': 'Check all rows',
	'import.cancel': 'Cancel',
	'import.cancelled': 'Import cancelled. Nothing was written.',
	'import.back': 'Change the mapping',
	'import.checking': 'Checking every row of {file}…',
	'import.progress.label': 'Rows checked',
	'import.progress': '{rows} rows checked · {read} of {total}',
	'import.checked': '{file} checked: {valid} rows ready to import, {invalid} rows with problems.',
	'import.blankRows': '{count} blank rows are skipped.',
	'import.errors.title': 'Problems',
	'import.errors.caption':
		'Rows with problems are not imported. Fix them in the file and import it again, or import the other rows now.',
	'import.errors.row': 'Row',
	'import.errors.column': 'Column',
	'import.errors.value': 'Value',
	'import.errors.problem': 'Problem',
	'import.errors.wholeRow': '(whole row)',
	'import.errors.none': 'No problems: every row can be imported.',
	'import.errors.pager': 'Pages of problems',
	'import.import': 'Import {count} rows',
	'import.nothingToImport': 'No row can be imported as the file is.',
	'import.writing': 'Importing {count} rows, all at once (it cannot stop part way)…',
	'import.writeFailed': 'Nothing was imported, and the store is as it was: {error}',
	'import.done':
		'Imported {file}: {added} {records} added, {updated} updated, {unchanged} unchanged.',
	'import.refreshed': 'Scores recalculated as of {date}.',
	'import.refreshFailed':
		'The rows were imported, but the scores could not be recalculated: {error}',
	'import.timings': 'Checked in {check} s, written in {write} s.',
	'import.again': 'Import another file',
	'import.problem.required': 'Required, but empty.',
	'import.problem.not_a_number':
		'Not a number. Write numbers like 1250 or 0.75, without thousands separators or currency signs.',
	'import.problem.not_a_date':
		'Not a date. Write dates as YYYY-MM-DD or YYYY/MM/DD; day-first or month-first dates such as 31/12/2026 are not read, as they are ambiguous.',
	'import.problem.not_a_datetime':
		'Not a date. Write YYYY-MM-DD, YYYY/MM/DD, or an ISO 8601 date and time such as 2026-11-02T09:30:00Z.',
	'import.problem.not_a_boolean': 'Not yes or no. Write true, false, yes, no, 1 or 0.',
	'import.problem.not_a_metric': 'Not a number or yes/no. To keep text, read the column as text.',
	'import.problem.not_an_email': 'Not an email address.',
	'import.problem.unknown_account':
		'No account has this id, in the store or in this file. Import the account first.',
	'import.problem.duplicate': 'Row {row} has the same key: a file may hold each key only once.',
	'import.problem.too_many_cells': 'The row has more cells than the heading row has columns.',
	'import.problem.malformed':
		'A quoted field is never closed, so the row cannot be read. Check the quotes (") in the file.',
	'settings.title': 'Settings',
	'settings.notBuilt':
		'Not built yet: sending limits, the SMTP connection, language and other workspace settings.',
	'settings.storage.title': 'Storage in this browser',
	'settings.storage.intro':
		'The workspace is kept in this browser’s own storage (IndexedDB); no database server holds it.',
	'settings.storage.persistence': 'Persistent storage',
	'settings.storage.persisted': 'Yes: the browser will not clear the workspace to free space.',
	'settings.storage.notPersisted':
		'No: the browser may clear the workspace when the device runs short of space.',
	'settings.storage.persistUnknown': 'Unknown: this browser does not say.',
	'settings.storage.ask': 'Ask the browser to keep it',
	'settings.storage.asking': 'Asking…',
	'settings.storage.declined':
		'The browser declined. Browsers grant it more readily to sites that are bookmarked, installed or used often.',
	'settings.storage.used': 'Space used',
	'settings.storage.usedOf': '{used} of {quota} ({share})',
	'settings.storage.unknown': 'Unknown',
	'settings.database.title': 'Database',
	'settings.database.name': 'Name',
	'settings.database.version': 'Schema version',
	'settings.scores.title': 'Score cache',
	'settings.scores.asOf': 'Scores as of',
	'settings.scores.none': 'Not computed yet',
	'settings.scores.current': 'Up to date with the data',
	'settings.scores.stale':
		'The data changed since: scores are recomputed when a page next needs them',
	'settings.loading': 'Reading the store…',
	'settings.failed': 'The store could not be read: {error}'
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
