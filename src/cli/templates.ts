/**
 * The shipped templates for the command line, read from `templates/*.mjml` on disk: the app gets
 * the same files bundled by Vite (`src/lib/mail/shipped.ts`), which tsx cannot load.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTemplateFile } from '../lib/mail/template-file';
import type { MailTemplate } from '../lib/mail/types';

/** The project's root, from this file's place in it: the same from any working directory. */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The templates in `dir` (relative to the project's root unless absolute), in id order. */
export function shippedTemplates(dir = 'templates'): MailTemplate[] {
	const folder = resolve(ROOT, dir);
	return readdirSync(folder)
		.filter((name) => name.endsWith('.mjml'))
		.map((name) => parseTemplateFile(name, readFileSync(join(folder, name), 'utf8')))
		.sort((a, b) => a.id.localeCompare(b.id));
}
