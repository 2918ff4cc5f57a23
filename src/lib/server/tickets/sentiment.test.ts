import { describe, expect, it } from 'vitest';
import { looksEnglish, ticketSentiment } from './sentiment';

describe('ticketSentiment', () => {
	it('scores a pleased ticket above 0 and an angry one below, within −1…1', () => {
		const pleased = ticketSentiment(
			'Great new export',
			'The new export is great and the team was very helpful. We love it!'
		);
		const angry = ticketSentiment(
			'Export broken AGAIN',
			'The export is broken again and we are losing data. This is terrible and frustrating.'
		);
		expect(pleased).toBeGreaterThan(0.4);
		expect(pleased).toBeLessThanOrEqual(1);
		expect(angry).toBeLessThan(-0.3);
		expect(angry).toBeGreaterThanOrEqual(-1);
	});

	it('is the mean AFINN score of the scored words over 5', () => {
		// great +3, helpful +2: (3 + 2) / 2 / 5.
		expect(ticketSentiment('Great', 'helpful')).toBe(0.5);
		// broken −1, losing −3, terrible −3: −7 / 3 / 5.
		expect(ticketSentiment(null, 'broken, losing data, terrible')).toBe(-0.467);
	});

	it('counts "not good" as bad, and leaves out what every ticket says', () => {
		// The negator must stand right before the word, as AFINN's rule has it.
		expect(ticketSentiment('The new report is not good', null)).toBe(-0.6);
		expect(ticketSentiment('The new report isn’t good', null)).toBe(-0.6);
		// "support", "please", "thanks" and "best regards" are a ticket's manners, not its mood.
		expect(
			ticketSentiment(
				'Question for support',
				'Please tell me how to change the billing address on our invoice. Thanks, best regards'
			)
		).toBe(0);
	});

	it('is 0 for neutral English and null for no text', () => {
		expect(ticketSentiment('Change of billing address', 'How do I change it on the invoice?')).toBe(
			0
		);
		expect(ticketSentiment(null, null)).toBeNull();
		expect(ticketSentiment('  ', '')).toBeNull();
		expect(ticketSentiment('12345', null)).toBeNull();
	});

	it('is null for text that is not English, so the measure is missing rather than wrong', () => {
		expect(
			ticketSentiment('エクスポートが壊れています', 'CSVの出力が失敗します。至急対応してください。')
		).toBeNull();
		expect(ticketSentiment('Экспорт не работает', 'Отчёт снова сломан')).toBeNull();
		expect(
			ticketSentiment('Export kaputt', 'Der Export funktioniert nicht, bitte helfen Sie uns.')
		).toBeNull();
		expect(ticketSentiment(null, 'El informe no funciona y estamos muy molestos.')).toBeNull();
		expect(ticketSentiment(null, 'Le rapport ne marche pas depuis la mise à jour.')).toBeNull();
	});
});

describe('looksEnglish', () => {
	it('passes terse English, names with accents and links in other text', () => {
		expect(looksEnglish('Export CSV fails: timeout error 504')).toBe(true);
		expect(looksEnglish('José from Zürich says the dashboard is slow')).toBe(true);
		// A link is not the text's language.
		expect(
			looksEnglish('ダッシュボードが遅い https://app.example.com/dashboard/reports/weekly')
		).toBe(false);
	});
});
