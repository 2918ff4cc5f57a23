/**
 * The sender identity for the pages that render emails before they are sent (the template
 * editor, the dry run's message preview): what the server would send as, so a preview shows the
 * same From, footer and links. Pass the answer to `recipientContext({ …, sender })`.
 */
import type { SenderSource } from '$lib/mail/sender';
import { MailApi } from './api';

/** The server's identity and defaults; null when the server cannot be reached (previews then use placeholders). */
export async function loadSenderIdentity(
	api: MailApi = new MailApi()
): Promise<SenderSource | null> {
	try {
		const { identity, mail_from, public_url } = await api.sender();
		return { identity, mail_from, public_url };
	} catch {
		return null;
	}
}
