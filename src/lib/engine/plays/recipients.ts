/** Who an action goes to, and whether a contact may be written to at all. */
import { isDormant } from '../people';
import type { Account, Contact, IsoDate, Play } from '../types';
import type { SuppressionReason } from './types';

type Action = Play['actions'][number];

/** The forms an email's `to` may take. */
export const RECIPIENT_FORMS = ['contacts', 'primary', 'csm', 'dormant_users', 'role:<name>'];

export function isRecipientForm(to: string): boolean {
	return (
		to === 'contacts' ||
		to === 'primary' ||
		to === 'csm' ||
		to === 'dormant_users' ||
		(to.startsWith('role:') && to.length > 5)
	);
}

/** A plain address: no spaces, no line breaks (header injection), one @, a dotted domain. */
const ADDRESS = /^[^\s@<>",;:\\]+@[^\s@<>",;:\\]+\.[^\s@<>",;:\\]+$/;

export function isValidAddress(address: string): boolean {
	return address.length <= 254 && ADDRESS.test(address);
}

/** Two spellings of one address (a CSM typed in a CSV, the email they sign in with). */
export function sameAddress(a: string | null | undefined, b: string | null | undefined): boolean {
	return !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** One recipient of an email: the contact when it is one (the CSM is not). */
export interface EmailRecipient {
	address: string;
	contact?: Contact;
}

/** The recipients of an email action for an account, in contact order. */
export function emailRecipients(
	to: string,
	account: Account,
	contacts: readonly Contact[],
	asOf: IsoDate
): EmailRecipient[] {
	const of = (list: readonly Contact[]) =>
		list.map((contact) => ({ address: contact.email, contact }));
	if (to === 'contacts') return of(contacts);
	if (to === 'primary') return of(contacts.slice(0, 1));
	if (to === 'csm') return account.csm ? [{ address: account.csm }] : [];
	if (to === 'dormant_users') {
		return of(contacts.filter((contact) => isDormant(contact, asOf)));
	}
	if (to.startsWith('role:')) {
		const role = to.slice(5).toLowerCase();
		return of(contacts.filter((contact) => contact.role?.toLowerCase() === role));
	}
	return [];
}

/** Why an email to this recipient may not go out, whatever the plan's history; null if it may. */
export function emailBlock(
	account: Account,
	recipient: EmailRecipient,
	asOf: IsoDate
): SuppressionReason | null {
	if (account.do_not_contact || recipient.contact?.do_not_contact) return 'do_not_contact';
	const unsubscribed = recipient.contact?.unsubscribed_at;
	if (unsubscribed && unsubscribed.slice(0, 10) <= asOf) return 'unsubscribed';
	if (!isValidAddress(recipient.address)) return 'invalid_address';
	return null;
}

/** A task's assignee: the account's CSM unless the action names someone. */
export function taskAssignee(action: Extract<Action, { type: 'task' }>, account: Account): string {
	const named = action.assignee?.trim();
	if (named && named !== 'csm') return named;
	return account.csm ?? 'unassigned';
}
