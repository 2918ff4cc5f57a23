/**
 * The templates shipped in `templates/`, bundled by Vite (the app and the server). The command
 * line reads the same files from disk (`src/cli/templates.ts`).
 */
import { parseTemplateFile } from './template-file';
import type { MailTemplate } from './types';

const files = import.meta.glob('/templates/*.mjml', {
	query: '?raw',
	import: 'default',
	eager: true
}) as Record<string, string>;

export const SHIPPED_TEMPLATES: readonly MailTemplate[] = Object.entries(files)
	.map(([path, source]) => parseTemplateFile(path, source))
	.sort((a, b) => a.id.localeCompare(b.id));
