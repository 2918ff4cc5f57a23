/**
 * Which source an uploaded CSV file (of events, of tickets) is stored under: the live source its
 * `source` parameter names, else the one named for such uploads ("Event uploads", "Ticket
 * uploads"), made on the first upload. Events and tickets are kept per source and id, so uploading
 * the same export again stores nothing twice; hence the uploads' source is used even once its key
 * is revoked (an upload needs no key, and a new source would hold a second copy of all of it).
 */
import type { Actor } from '../store/audit';
import type { EventSources, Sender } from '../store/event-sources';

export const UPLOAD_SOURCES = { events: 'Event uploads', tickets: 'Ticket uploads' } as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function uploadSource(
	sources: EventSources,
	sourceId: string | null,
	actor: Actor,
	kind: keyof typeof UPLOAD_SOURCES
): Promise<{ ok: true; source: Sender } | { ok: false; error: string }> {
	const all = await sources.list();
	if (sourceId !== null) {
		const found = UUID.test(sourceId)
			? all.find((source) => source.id === sourceId && source.revoked_at === null)
			: undefined;
		if (!found)
			return { ok: false, error: `source: ${sourceId} is not a live source of this server` };
		return { ok: true, source: { id: found.id, name: found.name } };
	}
	// Oldest first: should two first uploads have raced, both later ones pick the same.
	const name = UPLOAD_SOURCES[kind];
	const uploads = all.filter((source) => source.name === name).at(-1);
	if (uploads) return { ok: true, source: { id: uploads.id, name: uploads.name } };
	// Its write key is not needed (the upload is the signed-in person's): it is dropped unseen.
	const { source } = await sources.create(name, actor);
	return { ok: true, source: { id: source.id, name: source.name } };
}
