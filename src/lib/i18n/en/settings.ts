/** English for the Settings page. */
export default {
	'settings.title': 'Settings',
	'settings.sla.title': 'Band playbooks',
	'settings.sla.intro':
		'The response the team commits to when an account enters a band: who gives it and within how many hours. The server creates the task when an account enters the band (checked every few minutes) and, once a response is overdue, a task and an email for the CSM’s manager (set on the People page; without one, a leader). Hours left empty: the regular cadence, no task.',
	'settings.sla.band': 'Band',
	'settings.sla.response': 'Response',
	'settings.sla.to': 'Given by',
	'settings.sla.hours': 'Within (hours)',
	'settings.sla.responseOf': 'Response when an account enters {band}',
	'settings.sla.toOf': 'Who responds when an account enters {band}',
	'settings.sla.hoursOf': 'Hours to respond when an account enters {band}',
	'settings.sla.toCsm': 'the account’s CSM',
	'settings.sla.toManager': 'the CSM’s manager',
	'settings.sla.cadence': 'cadence',
	'settings.sla.framework': 'Use the framework’s playbooks',
	'settings.sla.save': 'Save playbooks',
	'settings.sla.saved': 'Saved: the whole team’s workspace has them.',
	'settings.sla.check': 'Check now',
	'settings.sla.checking': 'Checking…',
	'settings.sla.checked':
		'Checked: {responses|one:# response task|other:# response tasks} created, {escalated|one:# overdue response|other:# overdue responses} escalated.',
	'settings.sla.emailFailed': 'An escalation email was not sent: {failure}',
	'settings.notBuilt':
		'Not built yet: editing the sending limits here (they are workspace settings, kept in the workspace file), and the language.',
	'settings.sender.title': 'Sender',
	'settings.sender.intro':
		'Every email the server sends goes out as this sender: who it is from, where replies go, the postal address in every footer (anti-spam laws such as CAN-SPAM require one) and the links templates use. The server keeps it in its database, not in the workspace; template previews use it too.',
	'settings.sender.loading': 'Reading the sender from the server…',
	'settings.sender.unreachable': 'The sender cannot be read from the server: {error}',
	'settings.sender.from': 'From',
	'settings.sender.fromName': 'From name',
	'settings.sender.fromNameHint':
		'Shown as the sender, and in the footer (sender.name in templates). Empty: {fallback}.',
	'settings.sender.fromAddress': 'From address',
	'settings.sender.fromAddressHint':
		'The address messages are sent from. Required before sending through SMTP. Empty: {fallback}.',
	'settings.sender.fromAddressUnset': 'not set (MAIL_FROM is not set either)',
	'settings.sender.replyTo': 'Reply-To address',
	'settings.sender.replyToHint': 'Optional: where replies go. Empty: to the From address.',
	'settings.sender.postalAddress': 'Postal address',
	'settings.sender.postalAddressHint':
		'Shown in the footer of every email, on one line (sender.postal_address in templates). Required before sending through SMTP.',
	'settings.sender.postalAddressFallback':
		'Shown in the footer of every email, on one line (sender.postal_address in templates). Empty: {fallback} (the workspace’s sender_postal_address setting).',
	'settings.sender.publicUrl': 'Public URL',
	'settings.sender.publicUrlHint':
		'Where customers reach the app: unsubscribe links and the logo point there. Empty: {fallback}.',
	'settings.sender.links': 'Links in templates',
	'settings.sender.linksHint':
		'Web addresses only (https:// or http://). Templates read them as links.training, links.community and links.help.',
	'settings.sender.training': 'Training link',
	'settings.sender.community': 'Community link',
	'settings.sender.help': 'Help link',
	'settings.sender.linkHint': 'Empty: {fallback}.',
	'settings.sender.save': 'Save sender',
	'settings.sender.saving': 'Saving…',
	'settings.sender.saved': 'Saved: the server sends as this sender from now on.',
	'settings.sender.revert': 'Discard changes',
	'settings.sender.notSaved': 'Not saved: {count|one:# field needs|other:# fields need} fixing.',
	'settings.sender.failed': 'Not saved: {error}',
	'settings.sender.refusedSmtp':
		'Sending through SMTP is refused until you set: {parts}. The local Mailbox keeps working meanwhile.',
	'settings.sender.missingSink':
		'Before sending for real (SMTP_URL), set: {parts}. Until then messages go to the local Mailbox.',
	'settings.sender.ready': 'Messages go out from {from}.',
	'settings.sender.placeholders':
		'Still on placeholders: {parts}. Templates that use them show the placeholder.',
	'settings.sender.part.from': 'the From address',
	'settings.sender.part.postal_address': 'the postal address',
	'settings.sender.part.public_url': 'the public URL',
	'settings.sender.part.training_url': 'the training link',
	'settings.sender.part.community_url': 'the community link',
	'settings.sender.part.help_url': 'the help link',
	'settings.sender.preview': 'What messages carry',
	'settings.sender.preview.from': 'From',
	'settings.sender.preview.replyTo': 'Reply-To',
	'settings.sender.preview.replyToNone': 'None: replies go to the From address',
	'settings.sender.preview.footer': 'Footer',
	'settings.sender.preview.links': 'Links',
	'settings.sender.problem.type': 'Expected text.',
	'settings.sender.problem.too_long': 'Too long: at most {max|one:# character|other:# characters}.',
	'settings.sender.problem.control': 'Line breaks and control characters are not allowed here.',
	'settings.sender.problem.address': 'Enter an email address such as cs@example.com.',
	'settings.sender.problem.link':
		'Enter a web address starting with https:// or http://, without a user name or password.',
	'settings.sender.problem.linkScheme':
		'{scheme}: links are refused: enter a web address starting with https:// or http://.',
	'settings.sender.problem.public_url':
		'Enter the app’s web address, starting with https:// or http://, without “?” or “#” parts.',
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
