/** Signing in, setting up the team, accepting an invitation. */
export default {
	'auth.email': 'Email',
	'auth.password': 'Password',
	'auth.passwordHint': 'At least 10 characters.',
	'auth.name': 'Your name',
	'auth.signin.title': 'Sign in',
	'auth.signin.submit': 'Sign in',
	'auth.setup.title': 'Set up Scorecraft',
	'auth.setup.intro':
		'You are the first here: this creates the owner of the workspace, who invites the rest of the team and gives each a role.',
	'auth.setup.submit': 'Create the owner and start',
	'auth.setup.workspace': 'The team starts with',
	'auth.setup.sample': 'the sample workspace: 2,000 fictional accounts with a year of history',
	'auth.setup.empty': 'an empty workspace, to bring its own data',
	'auth.invite.title': 'Join Scorecraft',
	'auth.invite.intro': 'You are invited as {role}, with the address {email}.',
	'auth.invite.submit': 'Join',
	'auth.invite.invalid':
		'This invitation is not valid any more (used, withdrawn or expired): ask for a new one.',
	'auth.signout': 'Sign out',
	'auth.signoutEverywhere': 'Everywhere',
	'auth.signoutEverywhereHint': 'Sign out of every browser and device signed in as you'
} as const;
