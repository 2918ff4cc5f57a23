import { describe, expect, it } from 'vitest';
import { checkEvent } from './spec';

const RECEIVED = Date.parse('2026-12-03T12:00:00.000Z');
const options = { receivedAt: RECEIVED, newId: () => 'generated-id' };

describe('an event as the Segment spec sends it', () => {
	it('keeps who, the account, what and when of each call', () => {
		expect(
			checkEvent(
				{
					type: 'track',
					messageId: 'm-1',
					userId: 'u-42',
					event: ' Report Exported ',
					properties: { format: 'csv' },
					context: { groupId: 'acme' },
					timestamp: '2026-12-01T08:30:00+01:00'
				},
				options
			)
		).toEqual({
			ok: true,
			event: {
				message_id: 'm-1',
				type: 'track',
				user_id: 'u-42',
				anonymous_id: null,
				group_id: 'acme',
				event: 'Report Exported',
				properties: { format: 'csv' },
				traits: null,
				timestamp: '2026-12-01T07:30:00.000Z'
			}
		});
		expect(
			checkEvent(
				{ userId: 7, groupId: 'acme', traits: { name: 'Acme', plan: 'scale' } },
				{ ...options, type: 'group' }
			)
		).toMatchObject({
			ok: true,
			event: {
				type: 'group',
				user_id: '7',
				group_id: 'acme',
				traits: { name: 'Acme', plan: 'scale' },
				message_id: 'generated-id',
				timestamp: '2026-12-03T12:00:00.000Z'
			}
		});
		expect(
			checkEvent({ type: 'page', anonymousId: 'a-1', name: 'Pricing' }, options)
		).toMatchObject({ ok: true, event: { event: 'Pricing', user_id: null, anonymous_id: 'a-1' } });
	});

	it('corrects the time of an event without a timestamp for the sender’s clock, as Segment does', () => {
		// The sender's clock is 10 minutes ahead: its event 2 minutes before it sent the batch.
		const checked = checkEvent(
			{
				type: 'identify',
				userId: 'u-1',
				originalTimestamp: '2026-12-03T12:08:00.000Z'
			},
			{ ...options, sentAt: '2026-12-03T12:10:00.000Z' }
		);
		expect(checked).toMatchObject({ ok: true, event: { timestamp: '2026-12-03T11:58:00.000Z' } });
	});

	it('names what breaks the spec', () => {
		const reason = (message: unknown, type?: 'track' | 'group') => {
			const checked = checkEvent(message, { ...options, type });
			return checked.ok ? null : checked.reason;
		};
		expect(reason('track')).toBe('an event must be a JSON object');
		expect(reason({ type: 'purchase', userId: 'u' })).toBe(
			'type must be one of identify, group, track, page, screen'
		);
		expect(reason({ type: 'alias', userId: 'u', previousId: 'v' })).toMatch(/^alias is not used/);
		expect(reason({ type: 'track', event: 'Login' })).toBe('userId or anonymousId is required');
		expect(reason({ userId: 'u' }, 'track')).toBe('event is required for track');
		expect(reason({ userId: 'u' }, 'group')).toBe('groupId is required for group');
		expect(reason({ userId: { id: 1 }, event: 'Login' }, 'track')).toBe('userId must be a string');
		expect(reason({ userId: 'u', event: 'Login', properties: [1] }, 'track')).toBe(
			'properties must be an object'
		);
		expect(reason({ userId: 'u', event: 'Login', timestamp: 'yesterday' }, 'track')).toBe(
			'timestamp is not an ISO 8601 date'
		);
		expect(reason({ userId: 'x'.repeat(201), event: 'Login' }, 'track')).toBe(
			'userId is longer than 200 characters'
		);
	});
});
