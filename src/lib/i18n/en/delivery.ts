/** English for email delivery through the server, and the server part of Settings. */
export default {
	'mail.delivery.starting':
		'Sending emails: waiting for this browser’s changes to reach the server…',
	'mail.delivery.sending': 'Sending emails: {done} of {total}',
	'mail.delivery.done':
		'Emails: {sent} sent, {failed} failed, {retry} to try again later, {suppressed} suppressed.',
	'mail.delivery.failed': 'Emails could not be sent: {error}',
	'settings.server.title': 'Server: email and scheduled runs',
	'settings.server.intro':
		'Emails are sent by the app’s server, from the team’s workspace as it is on the server (every change made here reaches it within a moment). The server can run the plays every day at the hour you choose, with no browser open; its results come into the outbox.',
	'settings.server.transportSink':
		'No SMTP server is configured (SMTP_URL): messages are kept in the local Mailbox, not sent.',
	'settings.server.transportSmtp':
		'Messages go out through the SMTP server configured with SMTP_URL, from {from}.',
	'settings.server.operator': 'Test sends go to {operator}.',
	'settings.server.unreachable': 'The server cannot be reached: {error}',
	'settings.server.never': 'The server holds no workspace yet.',
	'settings.server.published':
		'The team’s workspace, revision {version}, last changed {when} by {by}: {accounts|one:# account|other:# accounts}, {plays|one:# play|other:# plays}.',
	'settings.server.refused': 'Sending is refused: {refusal}',
	'settings.server.hour': 'Daily run (hour, UTC)',
	'settings.server.hourOff': 'No daily run',
	'settings.server.runNow': 'Run the plays on the server now',
	'settings.server.running': 'Running on the server…',
	'settings.server.ran':
		'The server ran the plays as of {asOf}: {sent|one:# email|other:# emails} sent, {already} already sent, {forApp|one:# entry|other:# entries} for the app, {suppressed} suppressed, {failed} failed.',
	'settings.server.failed': 'It did not work: {error}'
} as const;
