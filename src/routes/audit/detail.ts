/** An audit entry's detail as one compact line: `role: ops, from: viewer`. */
export function detailText(detail: Record<string, unknown> | null | undefined): string {
	if (!detail) return '';
	return Object.entries(detail)
		.map(([key, value]) => `${key}: ${valueText(value)}`)
		.join(', ');
}

function valueText(value: unknown): string {
	if (typeof value === 'string') return value;
	if (value === undefined) return '';
	return JSON.stringify(value);
}
