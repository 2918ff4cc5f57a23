import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { Delivery } from '$lib/server/deliveries';
import DeliveryTable from './DeliveryTable.svelte';

const AT = '2027-01-04T09:00:00.000Z';
const failed: Delivery = {
	key: 'scale-training:acme:0:ana@acme.example:1',
	status: 'failed',
	recipient: '<img src=x onerror=alert(1)>@acme.example',
	error: '550 <b>no such user</b>',
	attempts: 1,
	at: AT,
	retryable: true
};
const interrupted: Delivery = {
	...failed,
	key: 'k-crashed',
	status: 'sending',
	recipient: 'bo@acme.example',
	error: undefined,
	attempts: 0,
	retryable: true
};
const going: Delivery = { ...interrupted, key: 'k-going', retryable: false };
const sent: Delivery = {
	...interrupted,
	key: 'k-sent',
	status: 'sent',
	message_id: '<k-sent@app.example>',
	attempts: 2,
	retryable: false
};

const rowOf = (key: string) => screen.getByRole('rowheader', { name: key }).closest('tr')!;

describe('Deliveries', () => {
	it('offers Retry for a failed and an interrupted send, not for one being sent', () => {
		render(DeliveryTable, {
			records: [failed, interrupted, going],
			caption: 'Failed and interrupted sends',
			retry: true
		});
		const retry = screen.getByRole('button', { name: `Retry ${failed.key}` });
		expect(retry.closest('form')).toHaveFormValues({ key: failed.key });
		expect(retry.closest('form')).toHaveAttribute('action', '?/retry');
		expect(
			within(rowOf(failed.key))
				.getAllByRole('cell')
				.map((c) => c.textContent!.trim())
		).toEqual([
			expect.any(String),
			'<img src=x onerror=alert(1)>@acme.example',
			'failed: 550 <b>no such user</b>',
			'1',
			'Retry'
		]);
		expect(
			within(rowOf('k-crashed')).getByRole('button', { name: 'Retry k-crashed' })
		).toBeEnabled();
		expect(rowOf('k-crashed')).toHaveTextContent('interrupted: claimed and never settled');
		expect(within(rowOf('k-going')).queryByRole('button')).toBeNull();
		expect(rowOf('k-going')).toHaveTextContent('being sent now');
		// What a recipient or an SMTP server wrote is text, never markup.
		expect(document.querySelector('img, b')).toBeNull();
	});

	it('shows a sent message’s id, with no actions', () => {
		render(DeliveryTable, { records: [sent], caption: 'Recently sent messages' });
		expect(screen.getByRole('table', { name: 'Recently sent messages' })).toBeInTheDocument();
		expect(rowOf('k-sent')).toHaveTextContent('<k-sent@app.example>');
		expect(screen.queryByRole('button')).toBeNull();
		expect(screen.getAllByRole('columnheader')).toHaveLength(5);
	});
});
