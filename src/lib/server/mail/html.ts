/** Text a person or a customer typed, made safe for the HTML and the headers of server-made pages and emails. */

const HTML_ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};

export const escapeHtml = (value: string): string =>
	value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);

/** On one line: no control character may reach a header (a subject) or split a line. */
export const oneLine = (value: string): string =>
	// eslint-disable-next-line no-control-regex
	value.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();

/** The fonts of the server's own pages and emails: Latin first, then Japanese ones (by name). */
export const BODY_FONTS =
	"system-ui, -apple-system, 'Segoe UI', Roboto, 'Hiragino Sans', 'Noto Sans JP', Meiryo, Arial, sans-serif";
