/**
 * English for Product usage: the feature catalogue (features, the rules mapping events to them,
 * the events seen), the usage thresholds and the rollup of events into usage.
 */
export default {
	'nav.usage': 'Product usage',
	'usage.title': 'Product usage',
	'usage.intro':
		'Which parts of your product your customers use: name its features, map the events your sources send to them, and set when a person counts as dormant or as a power user. The events are rolled up into each account’s and person’s usage every hour.',
	'usage.loading': 'Reading the feature catalogue from the server…',
	'usage.unreachable': 'The feature catalogue cannot be read: {error}',
	'usage.readOnly': 'Owners, leaders and ops change the catalogue; you can read it.',

	'usage.rollup.title': 'Rollup',
	'usage.rollup.last':
		'Last rolled up: {day}, {accounts|one:# account|other:# accounts}, {people|one:# person|other:# people}.',
	'usage.rollup.never': 'Not rolled up yet.',
	'usage.rollup.run': 'Roll up now',
	'usage.rollup.running': 'Rolling up…',
	'usage.rollup.done':
		'Rolled up {days|one:# day|other:# days}: {accounts|one:# account|other:# accounts}, {people|one:# person|other:# people}.',
	'usage.rollup.nothing': 'Nothing new to roll up.',
	'usage.rollup.failed': 'Not rolled up: {error}',

	'usage.events.title': 'Events seen',
	'usage.events.intro':
		'The events, pages and screens your sources sent, unmapped first. An event no rule names counts toward no feature: map it to one.',
	'usage.events.none': 'No events yet: a source sends them (Settings → Product events).',
	'usage.events.onlyUnmapped': 'Only unmapped events ({count})',
	'usage.events.caption': 'Events seen',
	'usage.events.col.event': 'Event',
	'usage.events.col.type': 'Type',
	'usage.events.col.count': 'Events',
	'usage.events.col.lastSeen': 'Last seen',
	'usage.events.col.status': 'Status',
	'usage.events.col.action': 'Rule',
	'usage.events.mapped': 'Mapped',
	'usage.events.unmapped': 'Unmapped',
	'usage.events.map': 'Map',
	'usage.events.mapOf': 'Map {event}',
	'usage.events.allMapped': 'Every event seen is mapped.',

	'usage.rules.title': 'Rules',
	'usage.rules.intro':
		'A rule maps the events of one name, or only those whose property holds a value, to a feature, and may mark them completed workflows. Where two rules match an event, the more specific one counts.',
	'usage.rules.event': 'Event',
	'usage.rules.property': 'Property (optional)',
	'usage.rules.value': 'Its value',
	'usage.rules.feature': 'Feature',
	'usage.rules.noFeature': 'None: a completion only',
	'usage.rules.completion': 'Marks a completed workflow',
	'usage.rules.add': 'Add the rule',
	'usage.rules.adding': 'Adding…',
	'usage.rules.failed': 'Not saved: {error}',
	'usage.rules.none': 'No rules yet: map an event seen above.',
	'usage.rules.caption': 'Rules',
	'usage.rules.col.event': 'Event',
	'usage.rules.col.match': 'Only where',
	'usage.rules.col.feature': 'Feature',
	'usage.rules.col.completion': 'Completion',
	'usage.rules.col.action': 'Delete',
	'usage.rules.every': 'every one',
	'usage.rules.match': '{property} = {value}',
	'usage.rules.noFeatureShort': 'none',
	'usage.rules.completes': 'yes',
	'usage.rules.notCompletion': 'no',
	'usage.rules.delete': 'Delete',
	'usage.rules.deleteOf': 'Delete the rule for {event}',
	'usage.rules.deleteOfWhere': 'Delete the rule for {event} where {property} = {value}',

	'usage.features.title': 'Features',
	'usage.features.intro':
		'The parts of your product as your team names them. Using advanced features shows deeper adoption; integrations tie your product to the customer’s other systems.',
	'usage.features.name': 'Feature name',
	'usage.features.namePlaceholder': 'Report builder',
	'usage.features.advanced': 'Advanced',
	'usage.features.integration': 'Integration',
	'usage.features.add': 'Add the feature',
	'usage.features.adding': 'Adding…',
	'usage.features.failed': 'Not saved: {error}',
	'usage.features.none': 'No features yet: add the first.',
	'usage.features.caption': 'Features',
	'usage.features.col.name': 'Feature',
	'usage.features.col.id': 'Id',
	'usage.features.col.advanced': 'Advanced',
	'usage.features.col.integration': 'Integration',
	'usage.features.col.action': 'Delete',
	'usage.features.advancedOf': '{name} is advanced',
	'usage.features.integrationOf': '{name} is an integration',
	'usage.features.delete': 'Delete',
	'usage.features.deleteOf': 'Delete {name}',
	'usage.features.deleteTitle': 'Delete {name}?',
	'usage.features.deleteDescription':
		'The rules mapping events to it are deleted with it (a rule that also marks completions keeps doing that), and its events no longer count as its use.',
	'usage.features.deleteConfirm': 'Delete the feature',

	'usage.settings.title': 'Usage thresholds',
	'usage.settings.dormant': 'Dormant after (days)',
	'usage.settings.dormantHelp':
		'A person not seen for {days|one:# day|other:# days} is dormant (180 in the framework).',
	'usage.settings.powerDays': 'Power user: active days of the last 30',
	'usage.settings.powerShare': 'Power user: share of the features (%)',
	'usage.settings.powerHelp':
		'A power user is active on at least {days|one:# day|other:# days} of the last 30 and uses at least {percent} of the features.',
	'usage.settings.save': 'Save the thresholds',
	'usage.settings.saving': 'Saving…',
	'usage.settings.saved': 'Saved.',
	'usage.settings.failed': 'Not saved: {error}',

	'upload.uploading': 'Uploading…',
	'upload.noFile': 'choose a CSV file first.',
	'upload.failed': 'Not imported: {error}',
	'upload.refused':
		'{count|one:# row was left out|other:# rows were left out}; fix them and upload the file again:',
	'upload.rowError': 'Row {row}: {reason}',
	'upload.moreErrors': '…and {count|one:# more row|other:# more rows}.',

	'events.import.title': 'Past events',
	'events.import.intro':
		'Upload a CSV file of events from before your sources sent them here, one row per event. Its first row names the columns: type (identify, group, track, page or screen), userId, groupId, event, timestamp, and optionally anonymousId, messageId, and properties and traits as JSON. Uploading the same file again stores nothing twice. Then roll up the days it covers.',
	'events.import.file': 'CSV file of events',
	'events.import.upload': 'Upload events',
	'events.import.done':
		'{rows|one:# row read|other:# rows read}: {stored} events stored, {duplicates} held already.',
	'events.import.covers': 'They cover {from} to {to}.',
	'events.import.rollUp': 'Roll up these days'
} as const;
