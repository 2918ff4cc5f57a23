/** English for the owner's delivery tools: the Deliveries page and the unsubscribe key in Settings. */
export default {
	'nav.deliveries': 'Deliveries',

	'deliveries.title': 'Deliveries',
	'deliveries.intro':
		'What the server sent, and what it could not. A failed send (the address refused, say) is not tried again by itself: fix the address, then retry it and the next run sends it. A send interrupted by a crash may or may not have gone out: retry it only when you know it did not.',
	'deliveries.pending.title': 'Failed and interrupted',
	'deliveries.pending.caption': 'Failed and interrupted sends',
	'deliveries.pending.none': 'Nothing failed or was interrupted.',
	'deliveries.sent.title': 'Recently sent',
	'deliveries.sent.caption': 'Recently sent messages',
	'deliveries.sent.none': 'Nothing sent yet.',
	'deliveries.col.when': 'When',
	'deliveries.col.key': 'Key',
	'deliveries.col.recipient': 'Recipient',
	'deliveries.col.outcome': 'Outcome',
	'deliveries.col.attempts': 'Attempts',
	'deliveries.col.actions': 'Actions',
	'deliveries.interrupted': 'interrupted: claimed and never settled',
	'deliveries.inFlight': 'being sent now',
	'deliveries.failed': 'failed: {error}',
	'deliveries.retry': 'Retry',
	'deliveries.retryOf': 'Retry {key}',
	'deliveries.retried': '{key} will be sent again by the next run.',
	'deliveries.problem.missing': 'Say which send to retry: its key.',
	'deliveries.problem.unknown': 'No failed or interrupted send has the key {key}.',
	'deliveries.problem.sent': '{key} was sent: a sent message is never sent again.',
	'deliveries.problem.inFlight':
		'{key} is being sent now (claimed at {at}): retry it only if it is still not settled after {after}.',

	'settings.unsubscribeKey.title': 'Unsubscribe links',
	'settings.unsubscribeKey.intro':
		'Every automated email carries an unsubscribe link signed with a key of the server’s own. Rotate it if it may have leaked: new emails are signed with a fresh key, and links already in inboxes keep working for a grace period.',
	'settings.unsubscribeKey.current': 'The current key was made on {when}.',
	'settings.unsubscribeKey.rotate': 'Rotate the key',
	'settings.unsubscribeKey.rotating': 'Rotating…',
	'settings.unsubscribeKey.rotated': 'Rotated: emails are signed with the new key from now on.',
	'settings.unsubscribeKey.failed': 'Not rotated: {error}',
	'settings.unsubscribeKey.unreachable': 'The unsubscribe key cannot be read: {error}'
} as const;
