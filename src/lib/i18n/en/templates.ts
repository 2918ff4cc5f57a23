/** English for the Templates pages: the template list and the template editor. */
export default {
	'templates.intro':
		'The emails plays send: MJML with placeholders for the account and the contact. The shipped templates can be edited; the edited copy belongs to the workspace and replaces the shipped one until it is reset.',
	'templates.caption': 'The email templates',
	'templates.col.id': 'Template',
	'templates.col.subject': 'Subject',
	'templates.col.origin': 'Origin',
	'templates.col.plays': 'Used by',
	'templates.origin.shipped': 'Shipped',
	'templates.origin.workspace': 'Workspace',
	'templates.origin.replaced': 'Edited',
	'templates.unused': 'No play',
	'templates.new': 'New template',
	'templates.newFailed': 'The template could not be created: {error}',

	'template.back': '← All templates',
	'template.notFound': 'There is no template “{id}”.',
	'template.subject': 'Subject',
	'template.source': 'MJML source',
	'template.line': 'Line {line}: {message}',
	'template.problems': 'Problems',
	'template.noProblems': 'No problems found.',
	'template.checking': 'Checking…',
	'template.save': 'Save',
	'template.saving': 'Saving…',
	'template.saved': 'Saved.',
	'template.notSaved': 'Not saved: {issues}',
	'template.unsaved': 'Unsaved changes',
	'template.reset': 'Reset to shipped',
	'template.resetDone': 'The shipped template is back.',
	'template.discard': 'Discard changes',
	'template.discarded': 'Your unsaved changes were discarded.',
	'template.keepEditing': 'Keep editing',
	'template.leave.title': 'Leave without saving?',
	'template.leave.description':
		'Your changes to {id} are not saved: they are lost if you leave this page.',
	'template.leave.confirm': 'Leave without saving',
	'template.leave.stay': 'Stay on this page',
	'template.discard.title': 'Discard your changes?',
	'template.discard.description':
		'The template goes back to its last saved version: your changes to {id} are lost.',
	'template.reset.title': 'Reset {id} to the shipped template?',
	'template.reset.description':
		'The workspace’s edited copy is deleted and the shipped template is used again, by the plays too.',
	'template.reset.descriptionDirty':
		'The workspace’s edited copy and your unsaved changes are dropped, and the shipped template is used again, by the plays too.',
	'template.origin': 'Origin: {origin}',

	'template.recipient': 'Preview for',
	'template.findAccount': 'Search by name',
	'template.account': 'Account',
	'template.contact': 'Contact',
	'template.noContacts': 'This account has no contacts: pick another account to preview.',
	'template.noAccounts': 'There are no accounts to preview for: load or import a workspace first.',
	'template.moreAccounts':
		'Showing the first {shown} of {count|one:# matching account|other:# matching accounts}: type to narrow.',

	'template.preview': 'Preview',
	'template.previewTabs': 'Preview format',
	'template.html': 'HTML',
	'template.text': 'Text',
	'template.width': 'Width',
	'template.desktop': 'Desktop',
	'template.mobile': 'Mobile',
	'template.subjectLine': 'Subject: {subject}',
	'template.noPreview': 'The preview appears once the source renders.',
	'template.previewFailed': 'The preview could not be rendered: {error}',
	'template.stale': 'Showing the last version that rendered: fix the error on line {line}.',
	'template.staleSubject': 'Showing the last version that rendered: fix the error in the subject.',
	'template.markup':
		'MJML rendered around the markup problem on line {line}: what it could not read may be missing. Saving waits until it is fixed.',

	'template.placeholders': 'Placeholders',
	'template.placeholdersExplain':
		'Click one to insert it at the caret. Values are this recipient’s.',
	'template.insert': 'Insert {path}',
	'template.empty': '(empty)',
	'template.emptyDefault': '{path} is empty for {name} — the default is used',
	'template.emptyNoDefault': '{path} is empty for {name} and has no default',

	'template.sendTest': 'Send a test to me',
	'template.sending': 'Sending…',
	'template.sent': 'Sent to {to} (message {id}).',
	'template.sendFailed': 'The test was not sent: {error}'
} as const;
