/** English for the Mailbox page and the unsubscribe page customers reach from an email. */
export default {
	'mailbox.intro.sink':
		'The local mail sink: no SMTP server is configured (SMTP_URL), so the server keeps here every message it would have sent, exactly as the customer would get it.',
	'mailbox.intro.smtp':
		'Messages go out through the configured SMTP server and are not kept here. Messages kept earlier by the local sink are listed below.',
	'mailbox.refresh': 'Refresh',
	'mailbox.search': 'Search by recipient or subject',
	'mailbox.loading': 'Loading the mailbox…',
	'mailbox.failed': 'The mailbox could not be read: {error}',
	'mailbox.empty':
		'No messages yet: run the plays from the Plays page, or send a test from a template.',
	'mailbox.noMatch': 'No messages match.',
	'mailbox.shown': '{shown} of {total|one:# message|other:# messages}',
	'mailbox.rewritten':
		'{count|one:# link or image to the app is|other:# links and images to the app are} shown at this page’s address ({origin}), so they work here; the Source tab has the message exactly as sent.',
	'mailbox.caption': 'Messages, newest first',
	'mailbox.col.to': 'To',
	'mailbox.col.subject': 'Subject',
	'mailbox.col.date': 'Date',
	'mailbox.test': 'test',
	'mailbox.testTitle': 'A test send to the operator',
	'mailbox.noSubject': '(no subject)',
	'mailbox.choose': 'Choose a message to see it as the customer does.',
	'mailbox.opening': 'Opening the message…',
	'mailbox.openFailed': 'The message could not be opened: {error}',
	'mailbox.headers': 'Headers',
	'mailbox.header.name': 'Header',
	'mailbox.header.value': 'Value',
	'mailbox.tabs': 'Message parts',
	'mailbox.tab.html': 'HTML',
	'mailbox.tab.text': 'Text',
	'mailbox.tab.source': 'Source',
	'mailbox.width': 'Preview width',
	'mailbox.width.desktop': 'Desktop (700 px)',
	'mailbox.width.mobile': 'Mobile (375 px)',
	'mailbox.frameTitle': 'The message as the customer sees it: {subject}',
	'mailbox.noText': 'This message has no text part.',
	'mailbox.sourceLabel': 'The raw message source',

	'unsubscribe.title': 'Unsubscribe',
	'unsubscribe.confirm': 'Stop these emails to {email}?',
	'unsubscribe.button': 'Unsubscribe',
	'unsubscribe.done': 'You are unsubscribed: {email} will get no more of these emails.',
	'unsubscribe.already': '{email} is already unsubscribed.',
	'unsubscribe.oneClickDone': 'Unsubscribed.',
	'unsubscribe.invalid': 'This unsubscribe link is not valid.',
	'unsubscribe.invalidHint':
		'Your email program may have cut the link short: try opening the whole link from the email again.'
} as const;
