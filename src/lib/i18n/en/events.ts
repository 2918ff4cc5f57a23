/** English for product events: the owner's event sources and their write keys in Settings. */
export default {
	'settings.events.title': 'Product events',
	'settings.events.intro':
		'A source is a system that sends your product’s usage events to this server: Segment, RudderStack or your own backend. Each has its own write key, shown once when it is made; revoke a key that may have leaked and make another.',
	'settings.events.endpoint': 'Sources send Segment’s HTTP tracking calls to',
	'settings.events.auth':
		'with the write key as the Basic auth user name. Segment’s libraries take this server’s address as their host and /api/v1/batch as their path.',
	'settings.events.loading': 'Reading the sources from the server…',
	'settings.events.unreachable': 'The event sources cannot be read: {error}',
	'settings.events.name': 'Source name',
	'settings.events.namePlaceholder': 'Segment (production)',
	'settings.events.nameMissing': 'name the source first, e.g. “Segment (production)”.',
	'settings.events.create': 'Create a write key',
	'settings.events.creating': 'Creating…',
	'settings.events.created': 'The write key of {name}:',
	'settings.events.copyNow': 'Copy it now: it is not shown again.',
	'settings.events.done': 'Done',
	'settings.events.createFailed': 'Not created: {error}',
	'settings.events.revokeFailed': 'Not revoked: {error}',
	'settings.events.none': 'No sources yet: create a write key for the first.',
	'settings.events.caption': 'Sources of product events',
	'settings.events.col.name': 'Source',
	'settings.events.col.key': 'Key',
	'settings.events.col.created': 'Created',
	'settings.events.col.lastUsed': 'Last used',
	'settings.events.col.events': 'Events',
	'settings.events.col.status': 'Status',
	'settings.events.keyHint': 'ending …{hint}',
	'settings.events.by': 'by {who}',
	'settings.events.never': 'never',
	'settings.events.revokedOn': 'Revoked on {when}',
	'settings.events.revoke': 'Revoke',
	'settings.events.revokeOf': 'Revoke {name}',
	'settings.events.revokeTitle': 'Revoke {name}?',
	'settings.events.revokeDescription':
		'Sources using its write key stop at once: the server refuses what they send from now on. The events it sent stay.',
	'settings.events.revokeConfirm': 'Revoke the key'
} as const;
