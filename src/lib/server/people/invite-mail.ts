/**
 * The invitation email: "<inviter> invited you to Scorecraft as <role>", with the link that
 * lets the person in. Rendering is one pure function; sending goes through the server's one
 * transport (SMTP, or locally the Mailbox) and turns its failure into a value, so the page can
 * still hand the owner the link to pass on.
 */
import type { Caller } from '../auth/access';
import { randomUUID } from 'node:crypto';
import { getLocale, t } from '$lib/i18n/messages';
import { INVITATION_DAYS, type Role } from '../store/people';
import { mailServer } from '../mail/server';
import { BODY_FONTS, escapeHtml, oneLine } from '../mail/html';
import { senderOf, transportOf } from '../mail/service';

/** The key invitation messages carry in the local sink. */
export const INVITATION_KEY_PREFIX = 'invitation:';

export interface InvitationMail {
	/** Who invites: their name, else their address. */
	inviter: string;
	role: Role;
	/** `${origin}/invite/${token}`. */
	link: string;
}

export interface RenderedInvitation {
	subject: string;
	html: string;
	text: string;
}

/** The invitation in the language of the work under way (the inviter's: `../locale.ts`). */
export function invitationMessage(mail: InvitationMail): RenderedInvitation {
	const inviter = oneLine(mail.inviter);
	const role = t(`people.role.${mail.role}`);
	const subject = t('invitation.lead', { inviter, role });
	// A sentence of its own in the body: English ends it with a full stop, Japanese with none.
	const lead = getLocale() === 'ja' ? `${subject}。` : `${subject}.`;
	const validity = t('invitation.validity', { days: INVITATION_DAYS });
	const text = [lead, '', t('invitation.acceptHere'), mail.link, '', validity].join('\n');
	const link = escapeHtml(mail.link);
	const html = `<!doctype html>
<html lang="${getLocale()}">
<body style="font-family: ${BODY_FONTS}; font-size: 15px; line-height: 1.5; color: #1f2328">
<p>${escapeHtml(lead)}</p>
<p><a href="${link}" style="color: #0b5cad">${escapeHtml(t('invitation.accept'))}</a></p>
<p style="color: #59636e">${t('invitation.orOpen', { link })}</p>
<p style="color: #59636e">${escapeHtml(validity)}</p>
</body>
</html>
`;
	return { subject, html, text };
}

export type InvitationSent = { ok: true; via: 'smtp' | 'sink' } | { ok: false; error: string };

/** Sends the invitation to `to`; replies go to the inviter (`replyTo`). */
export async function sendInvitation(
	to: string,
	mail: InvitationMail & { replyTo: string; origin: string }
): Promise<InvitationSent> {
	try {
		const server = await mailServer();
		const sender = await senderOf(server, await server.store.published.current(), mail.origin);
		// Through a real SMTP server, a message from the placeholder address would bounce or be junked.
		if (server.config.smtpUrl && sender.missing.includes('from'))
			return {
				ok: false,
				error: 'no From address is set (Settings → Sender, or MAIL_FROM)'
			};
		const transport = transportOf(server);
		const message = invitationMessage(mail);
		await transport.send({
			// Marked, so the local Mailbox shows invitations (their links sign people up) to the owner only.
			key: `${INVITATION_KEY_PREFIX}${randomUUID()}`,
			from: sender.from,
			to,
			replyTo: mail.replyTo,
			...message,
			messageId: `<${randomUUID()}@scorecraft.local>`,
			headers: {},
			test: false,
			publicUrl: mail.origin
		});
		return { ok: true, via: transport.kind };
	} catch (error) {
		return { ok: false, error: error instanceof Error ? error.message : String(error) };
	}
}

/** Whether a caller may read a message of the local sink: an invitation (it signs someone up) only the owner. */
export function mayRead(caller: Caller, message: { key: string | null }): boolean {
	return caller.role === 'owner' || !message.key?.startsWith(INVITATION_KEY_PREFIX);
}
