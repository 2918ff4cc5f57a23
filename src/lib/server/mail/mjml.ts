/** The server's MJML renderer (the `mjml` package; the template page uses `mjml-browser`). */
import mjml2html from 'mjml';
import type { MjmlRenderer } from '$lib/mail';

export const renderMjml: MjmlRenderer = async (source) => {
	const result = await mjml2html(source, { validationLevel: 'soft', minify: false });
	return {
		html: result.html,
		errors: result.errors.map((error) => ({ line: error.line, message: error.message }))
	};
};
