import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { RenderedMail } from '$lib/mail';
import PreviewFrame from './PreviewFrame.svelte';

const mail: RenderedMail = {
	subject: 'Acme Ltd: a free training session',
	html: '<!doctype html><html><body><p>Hi Ana,</p><a href="https://x.test/u">Unsubscribe</a></body></html>',
	text: 'Hi Ana,\n\nUnsubscribe (https://x.test/u)',
	problems: []
};

describe('the preview frame', () => {
	it('shows the subject and the rendered HTML in a sandboxed frame, at desktop or mobile width', async () => {
		const user = userEvent.setup();
		render(PreviewFrame, { mail });
		expect(screen.getByText('Subject: Acme Ltd: a free training session')).toBeVisible();
		const frame = screen.getByTitle('Preview');
		expect(frame).toHaveAttribute('srcdoc', mail.html);
		expect(frame).toHaveAttribute('sandbox', 'allow-popups');
		expect(frame).toHaveStyle({ width: '700px' });
		expect(screen.getByRole('radio', { name: 'Desktop' })).toBeChecked();

		await user.click(screen.getByRole('radio', { name: 'Mobile' }));
		expect(screen.getByTitle('Preview')).toHaveStyle({ width: '375px' });
	});

	it('shows the plain-text part on its tab', async () => {
		const user = userEvent.setup();
		render(PreviewFrame, { mail });
		await user.click(screen.getByRole('tab', { name: 'Text' }));
		expect(screen.getByRole('tab', { name: 'Text' })).toHaveAttribute('aria-selected', 'true');
		expect(screen.queryByTitle('Preview')).toBeNull();
		expect(screen.getByRole('tabpanel')).toHaveTextContent('Unsubscribe (https://x.test/u)');
	});

	it('says why there is no preview', () => {
		render(PreviewFrame, { mail: null, error: 'template t: line 3: boom' });
		expect(screen.getByRole('alert')).toHaveTextContent('template t: line 3: boom');
		expect(screen.getByText('The preview appears once the source renders.')).toBeVisible();
	});

	it('says when it shows the last version that rendered, and where the error is', () => {
		const { rerender } = render(PreviewFrame, { mail, stale: { line: 12 } });
		expect(screen.getByTestId('preview-state')).toHaveTextContent(
			'Showing the last version that rendered: fix the error on line 12.'
		);
		expect(screen.getByRole('tabpanel')).toHaveAttribute('data-state', 'stale');
		// The last good render is still there to look at.
		expect(screen.getByTitle('Preview')).toHaveAttribute('srcdoc', mail.html);

		rerender({ mail, stale: { line: 0 } });
		expect(screen.getByTestId('preview-state')).toHaveTextContent(
			'Showing the last version that rendered: fix the error in the subject.'
		);

		rerender({ mail, stale: null, markup: { line: 4 } });
		expect(screen.getByRole('tabpanel')).toHaveAttribute('data-state', 'current');
		expect(screen.getByTestId('preview-state')).toHaveTextContent(
			'MJML rendered around the markup problem on line 4'
		);

		rerender({ mail, stale: null, markup: null });
		expect(screen.getByTestId('preview-state')).toBeEmptyDOMElement();
	});
});
