import { describe, expect, it } from 'vitest';
import { checkTicket, parseDateTime } from './ticket';

const valid = {
	id: 'T-1',
	account_id: 'acme',
	opened_at: '2026-03-01T09:30:00+01:00',
	first_response_at: '2026-03-01T10:00:00Z',
	closed_at: '',
	priority: ' high ',
	subject: 'Export broken',
	text: 'The export fails.'
};

describe('checkTicket', () => {
	it('keeps the fields, dates in UTC, empty optional fields as null', () => {
		expect(checkTicket(valid)).toEqual({
			ok: true,
			ticket: {
				ticket_id: 'T-1',
				account_id: 'acme',
				opened_at: '2026-03-01T08:30:00.000Z',
				first_response_at: '2026-03-01T10:00:00.000Z',
				closed_at: null,
				priority: 'high',
				subject: 'Export broken',
				body: 'The export fails.'
			}
		});
		// Numbers as ids, `body` for the text, a date and time without a zone as UTC.
		expect(
			checkTicket({ id: 42, account_id: 7, opened_at: '2026-03-01 09:30', body: 'Hello' })
		).toMatchObject({
			ok: true,
			ticket: {
				ticket_id: '42',
				account_id: '7',
				opened_at: '2026-03-01T09:30:00.000Z',
				body: 'Hello',
				subject: null
			}
		});
	});

	it('names the field of the first problem', () => {
		const cases: [Record<string, unknown>, string][] = [
			[{ id: '  ' }, 'id is required'],
			[{ account_id: null }, 'account_id is required'],
			[{ opened_at: undefined }, 'opened_at is required'],
			[
				{ opened_at: '2026-03-01' },
				'opened_at is not an ISO 8601 date and time, e.g. 2026-03-01T09:30:00Z'
			],
			[
				{ closed_at: '2026-02-30T10:00:00Z' },
				'closed_at is not an ISO 8601 date and time, e.g. 2026-03-01T09:30:00Z'
			],
			[{ first_response_at: '2026-03-01T08:00:00Z' }, 'first_response_at is before opened_at'],
			[{ closed_at: '2026-03-01T09:29:59+01:00' }, 'closed_at is before opened_at'],
			[{ priority: 'p'.repeat(41) }, 'priority is longer than 40 characters'],
			[{ subject: 's'.repeat(501) }, 'subject is longer than 500 characters'],
			[{ text: 't'.repeat(20_001) }, 'text is longer than 20,000 characters'],
			[{ body: 'Other' }, 'text and body are both given: send the ticket’s text in one'],
			[{ subject: { en: 'Hi' } }, 'subject must be text'],
			[{ id: true }, 'id must be text']
		];
		for (const [change, reason] of cases)
			expect(checkTicket({ ...valid, ...change }), reason).toEqual({ ok: false, reason });
		expect(checkTicket([valid])).toEqual({ ok: false, reason: 'a ticket must be an object' });
		// The same text as both is no contradiction.
		expect(checkTicket({ ...valid, body: valid.text }).ok).toBe(true);
	});

	it('does not change what it is given', () => {
		const raw = structuredClone(valid);
		checkTicket(raw);
		expect(raw).toEqual(valid);
	});
});

describe('parseDateTime', () => {
	it('reads zones, fractions and a space for the T, and refuses what is not in the calendar', () => {
		expect(parseDateTime('2026-03-01T09:30:00.250-05:30')).toBe(
			Date.parse('2026-03-01T15:00:00.250Z')
		);
		expect(parseDateTime('2026-03-01 09:30:00+0100')).toBe(Date.parse('2026-03-01T08:30:00Z'));
		expect(parseDateTime('2028-02-29T00:00:00Z')).toBe(Date.parse('2028-02-29T00:00:00Z'));
		for (const text of [
			'2026-02-29T00:00:00Z',
			'2026-03-01T24:00:00Z',
			'0026-03-01T09:30:00Z',
			'2026-03-01',
			'01/03/2026 09:30',
			'yesterday'
		])
			expect(parseDateTime(text), text).toBeNull();
	});
});
