/** English for the team workspace's sync: the header's badge and the Sync page. */
export default {
	'sync.connecting': 'Connecting to the team’s workspace…',
	'sync.loading': 'Loading the team’s workspace: {loaded} of {total|one:# record|other:# records}',
	'sync.live': 'Up to date with the team',
	'sync.sending': '{count|one:Sending # change…|other:Sending # changes…}',
	'sync.offline':
		'Offline: {count|one:# change is|other:# changes are} kept here until the connection returns',
	'sync.error': 'Not syncing: {error}',
	'sync.attention': '{count|one:# change needs you|other:# changes need you}',

	'sync.title': 'Sync',
	'sync.intro':
		'Every change made in this browser goes to the server, which checks it against your role and gives it a revision; the other people’s browsers receive it within a moment. When two people change the same thing, or the server refuses a change, it is shown here: nothing is overwritten without you choosing.',
	'sync.conflicts.title': 'Conflicts',
	'sync.conflicts.none': 'No conflicts.',
	'sync.conflict.heading': '{kind} “{id}”',
	'sync.conflict.when': 'Changed by {by} ({at}) after you had last received it.',
	'sync.conflict.deletedTheirs': 'They deleted it.',
	'sync.conflict.deletedMine': 'You deleted it.',
	'sync.conflict.field': 'Field',
	'sync.conflict.mine': 'Yours',
	'sync.conflict.theirs': 'Theirs (on the server now)',
	'sync.conflict.keepMine': 'Keep mine',
	'sync.conflict.takeTheirs': 'Take theirs',
	'sync.notices.title': 'Changes the server refused',
	'sync.notices.none': 'No refused changes.',
	'sync.notice.records': 'Put back as the server holds them: {records}',
	'sync.notice.dismiss': 'Dismiss',

	'sync.kind.accounts': 'Account',
	'sync.kind.contacts': 'Contact',
	'sync.kind.snapshots': 'Snapshot',
	'sync.kind.outcomes': 'Outcome',
	'sync.kind.scorecards': 'Scorecard',
	'sync.kind.plays': 'Play',
	'sync.kind.templates': 'Template',
	'sync.kind.settings': 'Settings',
	'sync.kind.manualEntries': 'Manual entry',
	'sync.kind.scorecardVersions': 'Published scorecard version',
	'sync.kind.scorecardDrafts': 'Scorecard draft',
	'sync.kind.outbox': 'Outbox entry',
	'sync.kind.tasks': 'Task'
} as const;
