/** The server's MJML renderer (the `mjml` package; the template page uses `mjml-browser`). */
import mjml2html from 'mjml';
import type { MjmlRenderer } from '../../mail';

export const renderMjml: MjmlRenderer = async (source) => {
	const result = await mjml2html(source, { validationLevel: 'soft', minify: false });
	return {
		html: result.html,
		errors: result.errors.map((error) => ({ line: error.line, message: error.message }))
	};
};

/**
 * For runs: the same HTML without MJML's validation of every message (a third of the time). A
 * template's markup is checked where it is written (the template page, `checkTemplate`); MJML
 * renders around its soft errors either way.
 */
export const renderMjmlForSending: MjmlRenderer = async (source) => {
	const result = await mjml2html(source, { validationLevel: 'skip', minify: false });
	return { html: result.html, errors: [] };
};
