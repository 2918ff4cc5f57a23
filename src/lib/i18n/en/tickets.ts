/** English for support tickets: uploading a CSV file of them (`$lib/components/usage/TicketImport.svelte`). */
export default {
	'tickets.import.title': 'Support tickets',
	'tickets.import.intro':
		'Upload a CSV file exported from your ticket system. Its first row names the columns: id, account_id, opened_at, first_response_at, closed_at, priority, subject and text (ticket_id, account, created_at, first_response, closed and body are understood too). Dates are ISO 8601, e.g. 2026-03-01T09:30:00Z. Uploading the same file again changes nothing.',
	'tickets.import.file': 'CSV file of tickets',
	'tickets.import.upload': 'Upload tickets',
	'tickets.import.done':
		'{rows|one:# row read|other:# rows read}: {added} added, {updated} updated, {unchanged} unchanged.',
	'tickets.import.ignored': 'Columns left aside: {columns}.'
} as const;
