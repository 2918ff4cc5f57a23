import { describe, expect, it } from 'vitest';
import { schemeOf, unsafeLinks } from './links';

describe('unsafeLinks', () => {
	it('finds javascript:, data: and other schemes however they are written, with their line', () => {
		const html = [
			'<p><a href="https://acme.example">ok</a> <a href="mailto:cs@acme.example">mail</a></p>',
			'<a href="javascript:alert(1)">a</a>',
			"<a HREF=' JaVaScRiPt:alert(2)'>b</a>",
			'<a href="java&#9;script:alert(3)">c</a><a href="&#106;avascript:alert(4)">d</a>',
			'<img src="data:image/svg+xml,<svg onload=alert(5)>">',
			'<a href="/relative">r</a><a href="#top">t</a><a href="//cdn.acme.example/x">p</a>',
			'<form action="vbscript:x"></form>'
		].join('\n');
		expect(unsafeLinks(html).map((link) => [link.line, link.attribute, link.scheme])).toEqual([
			[2, 'href', 'javascript'],
			[3, 'href', 'javascript'],
			[4, 'href', 'javascript'],
			[4, 'href', 'javascript'],
			[5, 'src', 'data'],
			[7, 'action', 'vbscript']
		]);
	});

	it('reads the scheme as a browser does', () => {
		expect(schemeOf('  https://acme.example')).toBe('https');
		expect(schemeOf('ja\nva\tscript:x')).toBe('javascript');
		expect(schemeOf('/unsubscribe/abc:def')).toBeNull();
		expect(schemeOf('{{ unsubscribe_url }}')).toBeNull();
	});
});
