/**
 * The plain-text part of an email, from its HTML: paragraphs and rows become lines, links keep
 * their address (`label (https://…)`), entities are decoded. Enough for a mail client's text view
 * and for spam filters that want one; no DOM, so the server and the browser share it.
 */

const NAMED: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: ' ',
	middot: '·',
	copy: '©',
	mdash: '—',
	ndash: '–',
	hellip: '…',
	rsquo: '’',
	lsquo: '‘',
	rdquo: '”',
	ldquo: '“'
};

export function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
		if (name[0] === '#') {
			const code =
				name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
			return Number.isFinite(code) && code > 0 && code < 0x110000
				? String.fromCodePoint(code)
				: whole;
		}
		return NAMED[name.toLowerCase()] ?? whole;
	});
}

export function htmlToText(html: string): string {
	const body = html
		.replace(/<head[\s\S]*?<\/head>/gi, '')
		.replace(/<(style|script|title)[\s\S]*?<\/\1>/gi, '')
		.replace(/<!--[\s\S]*?-->/g, '');
	const text = body
		.replace(/<a\s[^>]*?href\s*=\s*("([^"]*)"|'([^']*)')[^>]*>([\s\S]*?)<\/a>/gi, (...m) => {
			// Still encoded here: the whole text is decoded once, at the end.
			const href = (m[2] ?? m[3] ?? '').trim();
			const label = m[4]
				.replace(/<[^>]+>/g, '')
				.replace(/\s+/g, ' ')
				.trim();
			if (!label) return href;
			const same = decodeEntities(href) === decodeEntities(label);
			return !href || same || href.startsWith('#') ? label : `${label} (${href})`;
		})
		.replace(/<img\s[^>]*?alt\s*=\s*"([^"]*)"[^>]*>/gi, (_, alt: string) => (alt ? `[${alt}]` : ''))
		.replace(/<br\s*\/?>/gi, '\n')
		.replace(/<li[^>]*>/gi, '\n- ')
		.replace(/<\/(p|div|h[1-6]|tr|li|ul|ol|table|section)>/gi, '\n')
		.replace(/<[^>]+>/g, '');
	return decodeEntities(text)
		.split('\n')
		.map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
		.join('\n')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
}
