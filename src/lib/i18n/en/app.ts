/**
 * English for the shell: the app's name, the navigation, the store's status, values and filters
 * shared by pages, and the pages not built yet.
 */
export default {
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

	'store.opening': 'Opening the workspace…',
	'store.scoring': 'Recalculating scores…',
	'store.asOf': 'Scores as of {date}',
	'store.failed': 'The scores could not be calculated: {error}',
	'store.readFailed': 'The workspace could not be read: {error}',
	'store.waiting': 'Waiting for the scores…',
	'store.refreshed':
		'Last scored {accounts|one:# account|other:# accounts} in {seconds} s in the background (reading {read} s, scoring {score} s, writing {write} s)',

	'portfolio.churnedHidden':
		'{count|one:# account that churned earlier is not shown|other:# accounts that churned earlier are not shown}',

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
	'filter.myAccounts': 'My accounts ({email})',
	'filter.band': 'Band',
	'filter.allBands': 'All bands',
	'filter.showChurned': 'Show churned accounts ({count})',
	'filter.clear': 'Clear filters',
	'filter.more': 'More filters',
	'filter.renewal': 'Renewing within {days|one:# day|other:# days}',
	'filter.rising': 'Score rose over 30 days',
	'filter.falling': 'Score fell over 30 days',
	'filter.drops': 'Sudden drop: 20 points or more within 30 days',
	'filter.remove': 'Remove the filter “{filter}”',

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
	'table.col.churnRisk': 'Churn risk',
	'table.first': 'First',
	'table.previous': 'Previous',
	'table.next': 'Next',
	'table.last': 'Last',
	'table.pageOf': 'Page {page} of {pages}',
	'table.none': '—',
	'dialog.cancel': 'Cancel',

	// Counts shared across pages: a message with a count in it takes one of these.
	'count.accounts': '{count|one:# account|other:# accounts}',
	'count.entries': '{count|one:# entry|other:# entries}',
	'count.emails': '{count|one:# email|other:# emails}',
	'count.contacts': '{count|one:# contact|other:# contacts}',
	'count.plays': '{count|one:# play|other:# plays}',
	'count.days': '{count|one:# day|other:# days}',
	'count.problems': '{count|one:# problem|other:# problems}',
	'count.messages': '{count|one:# message|other:# messages}',
	'count.rows': '{count|one:# row|other:# rows}',
	'count.tasks': '{count|one:# task|other:# tasks}',

	'scorecards.title': 'Scorecards',
	'plays.title': 'Plays',
	'templates.title': 'Templates',
	'outbox.title': 'Outbox',
	'mailbox.title': 'Mailbox',
	'backtest.title': 'Backtest'
} as const;
