/** English for email delivery through the server, and the server part of Settings. */
export default {
	'mail.delivery.starting': 'Sending emails: publishing the workspace to the server…',
	'mail.delivery.sending': 'Sending emails: {done} of {total}',
	'mail.delivery.done':
		'Emails: {sent} sent, {failed} failed, {retry} to try again later, {suppressed} suppressed.',
	'mail.delivery.failed': 'Emails could not be sent: {error}',
	'settings.server.title': 'Server: email and scheduled runs',
	'settings.server.intro':
		'Emails are sent by the app’s server. It works from a published copy of this workspace: publish it, and the server can run the plays every day at the hour you choose, with no browser open. Its results come into the outbox the next time you open the app.',
	'settings.server.transportSink':
		'No SMTP server is configured (SMTP_URL): messages are kept in the local Mailbox, not sent.',
	'settings.server.transportSmtp':
		'Messages go out through the SMTP server configured with SMTP_URL, from {from}.',
	'settings.server.operator': 'Test sends go to {operator}.',
	'settings.server.unreachable': 'The server cannot be reached: {error}',
	'settings.server.never': 'Nothing is published yet.',
	'settings.server.published':
		'Published {when}: {accounts|one:# account|other:# accounts}, {plays|one:# play|other:# plays}.',
	'settings.server.refused': 'Sending is refused: {refusal}',
	'settings.server.hour': 'Daily run (hour, UTC)',
	'settings.server.hourOff': 'No daily run',
	'settings.server.publish': 'Publish to the server',
	'settings.server.publishing': 'Publishing…',
	'settings.server.runNow': 'Run the published plays now',
	'settings.server.running': 'Running on the server…',
	'settings.server.ran':
		'The server ran the plays as of {asOf}: {sent|one:# email|other:# emails} sent, {already} already sent, {forApp|one:# entry|other:# entries} for the app, {suppressed} suppressed, {failed} failed.',
	'settings.server.synced':
		'Brought in: {runs|one:# server run|other:# server runs}, {unsubscribed|one:# unsubscribe|other:# unsubscribes}.',
	'settings.server.failed': 'It did not work: {error}'
} as const;
