/** English for the Settings page. */
export default {
	'settings.title': 'Settings',
	'settings.notBuilt':
		'Not built yet: editing the sending limits and the sender details here (they are workspace settings, kept in the workspace file), and the language.',
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
