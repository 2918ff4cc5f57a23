import { describe, expect, it } from 'vitest';
import { csvCell, csvRow } from './csv-cell';

describe('csvCell', () => {
	it('quotes a cell holding a separator, a quote or a line break (RFC 4180)', () => {
		expect(csvCell('plain')).toBe('plain');
		expect(csvCell('a,b')).toBe('"a,b"');
		expect(csvCell('say "hi"')).toBe('"say ""hi"""');
		expect(csvCell('two\nlines')).toBe('"two\nlines"');
		expect(csvCell(null)).toBe('');
		expect(csvCell(undefined)).toBe('');
	});

	it('prefixes text a spreadsheet would run as a formula with a single quote (OWASP)', () => {
		expect(csvCell('=HYPERLINK("http://evil.example","x")')).toBe(
			`"'=HYPERLINK(""http://evil.example"",""x"")"`
		);
		expect(csvCell('+1+1')).toBe("'+1+1");
		expect(csvCell('-2+3')).toBe("'-2+3");
		expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
		expect(csvCell('\tcmd')).toBe("'\tcmd");
		expect(csvCell('\rcmd')).toBe(`"'\rcmd"`);
		// Only the first character counts.
		expect(csvCell('a=b')).toBe('a=b');
	});

	it('keeps numbers numeric, negative ones too, but not text that looks like one', () => {
		expect(csvCell(-5)).toBe('-5');
		expect(csvCell(-0.25)).toBe('-0.25');
		expect(csvCell(1e21)).toBe('1e+21');
		expect(csvCell('-5')).toBe("'-5");
		expect(csvCell(true)).toBe('true');
	});

	it('joins a row with commas', () => {
		expect(csvRow(['a', -1, '=1', null, 'x,y'])).toBe(`a,-1,'=1,,"x,y"`);
	});
});
