/**
 * Who did it, as the server knows it: the fields that name a record's author (who entered a
 * measure, published a version, decided an outbox entry) hold the signed-in caller's email
 * whenever a push sets or changes them. A browser cannot sign a change with someone else's name.
 */
import type { RecordKind } from '../../sync/protocol';
import type { RecordWrite } from '../store/records';

const AUTHOR_FIELDS: Partial<Record<RecordKind, string>> = {
	manualEntries: 'entered_by',
	scorecardVersions: 'published_by',
	outbox: 'decided_by'
};

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** `writes` with each author field the push sets or changes (from `held`) made the caller's email. */
export function stampAuthors(
	writes: readonly RecordWrite[],
	held: readonly { kind: RecordKind; id: string; body: unknown }[],
	email: string
): RecordWrite[] {
	const before = new Map(held.map((record) => [`${record.kind}\u0000${record.id}`, record.body]));
	return writes.map((write) => {
		const field = AUTHOR_FIELDS[write.kind];
		if (!field || !isObject(write.body) || write.body[field] === undefined) return write;
		const previous = before.get(`${write.kind}\u0000${write.id}`);
		if (isObject(previous) && previous[field] === write.body[field]) return write;
		return { ...write, body: { ...write.body, [field]: email } };
	});
}
