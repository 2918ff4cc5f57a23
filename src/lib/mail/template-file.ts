/**
 * Shipped templates are files `templates/<id>.mjml`; the subject line is the file's
 * `<mj-title>` (the title a mail client shows is the subject too).
 */
import type { MailTemplate } from './types';

const TITLE = /<mj-title>([\s\S]*?)<\/mj-title>/i;

export function parseTemplateFile(fileName: string, source: string): MailTemplate {
	const id = (fileName.split('/').pop() ?? fileName).replace(/\.mjml$/, '');
	const title = TITLE.exec(source);
	if (!title?.[1]?.trim())
		throw new Error(`templates/${id}.mjml: expected a <mj-title> with the subject line`);
	return { id, subject: title[1].trim(), mjml: source };
}
