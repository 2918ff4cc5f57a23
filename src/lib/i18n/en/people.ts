/** English for the team: the People page, the audit log, and who is signed in (the header). */
export default {
	'nav.people': 'People',
	'nav.audit': 'Audit log',
	'nav.account': 'Signed in',

	'people.role.owner': 'Owner',
	'people.role.leader': 'Leader',
	'people.role.ops': 'Ops',
	'people.role.csm': 'CSM',
	'people.role.viewer': 'Viewer',
	'people.roleHint.owner': 'everything, and the team, the sender and the audit log',
	'people.roleHint.leader': 'edits and publishes scorecards',
	'people.roleHint.ops': 'plays, templates, runs and approvals',
	'people.roleHint.csm': 'their accounts’ tasks and manual measures; reads the rest',
	'people.roleHint.viewer': 'reads',

	'people.title': 'People',
	'people.intro':
		'Who may use Scorecraft, and as what. A changed role takes effect at once: the person signs in again.',
	'people.roles': 'What each role may do',
	'people.caption': 'The team',
	'people.col.name': 'Name',
	'people.col.email': 'Email',
	'people.col.role': 'Role',
	'people.col.since': 'Since',
	'people.col.actions': 'Actions',
	'people.you': '(you)',
	'people.roleOf': 'Role of {name}',
	'people.changeRole': 'Change',
	'people.changeRoleOf': 'Change the role of {name}',
	'people.remove': 'Remove',
	'people.removeOf': 'Remove {name}',
	'people.removeTitle': 'Remove {name}?',
	'people.removeDescription':
		'{email} loses access at once and is signed out everywhere. To let them back, invite them again.',

	'people.invite.title': 'Invite someone',
	'people.invite.email': 'Email',
	'people.invite.role': 'Role',
	'people.invite.submit': 'Send the invitation',
	'people.invite.sending': 'Sending…',
	'people.invite.sent': 'Invitation sent to {email}.',
	'people.invite.sentLocally':
		'Invitation for {email} stored in the Mailbox (no SMTP server is set).',
	'people.invite.notSent':
		'The invitation for {email} is created, but the email did not go out: {error}. Send them this link (it works once, for 7 days):',
	'people.invite.link': 'Invitation link',

	'people.pending.title': 'Pending invitations',
	'people.pending.none': 'No invitation is waiting.',
	'people.pending.expires': 'expires {date}',
	'people.pending.revoke': 'Revoke',
	'people.pending.revokeOf': 'Revoke the invitation for {email}',

	'people.problem.email': 'Not invited: “{email}” is not an email address.',
	'people.problem.role': 'Choose a role: owner, leader, ops, csm or viewer.',
	'people.problem.member': 'Not invited: {email} is in the team already.',
	'people.problem.lastOwner':
		'Not changed: the team needs an owner. Make someone else an owner first.',
	'people.problem.notFound': 'That person is not in the team any more.',
	'people.problem.invitationGone': 'That invitation was used, revoked or expired already.',

	'audit.title': 'Audit log',
	'audit.intro':
		'Who did what, and when: sign-ins, the team’s changes, publishing, runs, approvals, sends and settings. Newest first.',
	'audit.caption': 'Audit log entries',
	'audit.filter': 'Action',
	'audit.allActions': 'All actions',
	'audit.apply': 'Show',
	'audit.col.when': 'When',
	'audit.col.who': 'Who',
	'audit.col.action': 'Action',
	'audit.col.subject': 'Subject',
	'audit.col.detail': 'Detail',
	'audit.none': 'Nothing recorded yet.',
	'audit.noneFor': 'No “{action}” recorded.',
	'audit.older': 'Older',
	'audit.newest': 'Newest',
	'audit.system': 'system'
} as const;
