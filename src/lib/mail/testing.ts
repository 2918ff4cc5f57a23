/** A mail context for tests: the example workspace's first account and contact, scored. */
import { accountContexts, groupNames, type Workspace } from '../engine';
import { mailContext } from './context';
import type { MailContext } from './types';

export function contextFor(
	workspace: Workspace,
	accountId: string,
	contactId: string,
	asOf: string
): MailContext {
	const account = workspace.accounts.find((a) => a.id === accountId)!;
	const contact = workspace.contacts.find((c) => c.id === contactId)!;
	const score = accountContexts(workspace, asOf, [accountId]).get(accountId)!;
	return mailContext({
		account,
		contact,
		score,
		groupNames: groupNames(workspace.scorecards),
		settings: workspace.settings,
		mailFrom: 'Customer Success <cs@scorecraft.example>',
		publicUrl: 'http://localhost:3000',
		unsubscribeUrl: 'http://localhost:3000/unsubscribe/TOKEN'
	});
}
