/**
 * The escalation email to a manager: which account, which response is overdue and whose it was,
 * with a link to the account. Everything in it a person typed (the account's name, the playbook's
 * response) is escaped, and on one line in the subject.
 */
import { randomUUID } from 'node:crypto';
import type { Task } from '../../engine';
import { baseLocale, getLocale, t } from '$lib/i18n/messages';
import { BODY_FONTS, escapeHtml, oneLine } from '../mail/html';
import { inLocale } from '../locale';
import { mailServer } from '../mail/server';
import { senderOf, sendRefusal, transportOf } from '../mail/service';

/** The escalation in the language of the work under way (the manager's, from `sendEscalation`). */
export function escalationMessage(escalation: Task, account: string, link: string | null) {
	const subject = oneLine(t('sla.mail.subject', { account, band: escalation.sla?.band ?? '' }));
	const csm = escalation.sla?.csm;
	const lines = [
		csm ? t('sla.mail.late', { csm }) : t('sla.mail.lateUnknown'),
		escalation.title,
		t('sla.mail.due', { due: escalation.due_at?.slice(0, 16).replace('T', ' ') ?? '' })
	];
	const text = [...lines, ...(link ? ['', link] : [])].join('\n');
	const open = escapeHtml(t('sla.mail.open', { account }));
	const html = `<!doctype html>
<html lang="${getLocale()}">
<body style="font-family: ${BODY_FONTS}; font-size: 15px; line-height: 1.5; color: #1f2328">
${lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n')}
${link ? `<p><a href="${escapeHtml(link)}" style="color: #0b5cad">${open}</a></p>` : ''}
</body>
</html>
`;
	return { subject, text, html };
}

/**
 * Sends an escalation through the server's transport (SMTP, or the local Mailbox); links to the
 * account when the server knows its address (`PUBLIC_URL`, else the page that asked for the check).
 */
export async function sendEscalation(
	escalation: Task,
	account: string,
	origin?: string
): Promise<void> {
	const server = await mailServer();
	const sender = await senderOf(server, await server.store.published.current(), origin);
	const refusal = sendRefusal(server, sender);
	if (refusal) throw new Error(refusal);
	const base = server.config.publicUrl ?? origin;
	const link = base
		? new URL(`/accounts/${encodeURIComponent(escalation.account_id)}`, base).href
		: null;
	const locale = (await server.store.people.localeOfEmail(escalation.assignee)) ?? baseLocale;
	await transportOf(server).send({
		key: escalation.id,
		from: sender.from,
		to: escalation.assignee,
		...inLocale(locale, () => escalationMessage(escalation, account, link)),
		messageId: `<${randomUUID()}@scorecraft.local>`,
		headers: {},
		...(base ? { publicUrl: base } : {})
	});
}
