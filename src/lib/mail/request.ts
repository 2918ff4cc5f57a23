/**
 * What the app (or a server run) asks the send server to send: one outbox entry's email, named by
 * its key, play, account and recipient. The server renders the message itself.
 */
import type { PlanEntry } from '../engine';

export interface SendRequest {
	key: string;
	play_id: string;
	account_id: string;
	action_index: number;
	/** The contact's address as the plan resolved it. */
	recipient: string;
	/** The contact's id (absent for the account's CSM). */
	contact_id?: string;
}

export function sendRequestOf(
	entry: Pick<PlanEntry, 'key' | 'play_id' | 'account_id' | 'action_index' | 'recipient' | 'detail'>
): SendRequest {
	const detail = entry.detail as { contact_id?: string };
	return {
		key: entry.key,
		play_id: entry.play_id,
		account_id: entry.account_id,
		action_index: entry.action_index,
		recipient: entry.recipient,
		...(detail.contact_id ? { contact_id: detail.contact_id } : {})
	};
}
