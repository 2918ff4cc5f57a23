/**
 * The team workspace's sync (`$lib/sync/protocol.ts`). GET: the records changed after a revision,
 * a page at a time, for any signed-in person. POST: a browser's changes, each group committed or
 * refused on its own (the caller's role, conflicts, the schema).
 */
import { json, type RequestHandler } from '@sveltejs/kit';
import { actorOf, signedIn } from '$lib/server/auth/caller';
import { mailServer } from '$lib/server/mail/server';
import { CursorError } from '$lib/server/store/records';
import { parsePushRequest, pushChanges, PushRequestError } from '$lib/server/sync/push';
import { PULL_PAGE_LIMIT, PUSH_MAX_BYTES, type RecordKind } from '$lib/sync/protocol';

export const GET: RequestHandler = async (event) => {
	const server = await mailServer();
	const caller = signedIn(event);
	const params = event.url.searchParams;
	const cursor = params.get('cursor');
	const since = Number(params.get('since') ?? 0);
	const limit = Math.min(Number(params.get('limit') ?? PULL_PAGE_LIMIT), PULL_PAGE_LIMIT);
	if (!Number.isSafeInteger(since) || since < 0)
		return json({ error: 'since: expected a revision (an integer >= 0)' }, { status: 400 });
	if (!Number.isSafeInteger(limit) || limit < 1)
		return json({ error: `limit: expected 1 to ${PULL_PAGE_LIMIT}` }, { status: 400 });
	try {
		// The page's JSON as the store writes it: the records' bodies are never parsed here.
		const page = await server.store.published.records.pullJson(
			cursor ? { cursor } : { since },
			limit,
			caller
		);
		return new Response(page, {
			headers: { 'content-type': 'application/json', 'cache-control': 'no-store' }
		});
	} catch (error) {
		if (error instanceof CursorError) return json({ error: error.message }, { status: 400 });
		throw error;
	}
};

export const POST: RequestHandler = async (event) => {
	const server = await mailServer();
	const caller = signedIn(event);
	if (Number(event.request.headers.get('content-length') ?? 0) > PUSH_MAX_BYTES)
		return json(
			{ error: `more than ${PUSH_MAX_BYTES / 1024 / 1024} MB in one push` },
			{ status: 413 }
		);
	const text = await event.request.text();
	if (text.length > PUSH_MAX_BYTES)
		return json(
			{ error: `more than ${PUSH_MAX_BYTES / 1024 / 1024} MB in one push` },
			{ status: 413 }
		);
	let request;
	try {
		request = parsePushRequest(JSON.parse(text));
	} catch (error) {
		if (error instanceof SyntaxError) return json({ error: 'not JSON' }, { status: 400 });
		if (error instanceof PushRequestError) return json({ error: error.message }, { status: 400 });
		throw error;
	}
	const actor = actorOf(caller);
	const { store } = server;
	const results = await pushChanges(
		store.published.records,
		request,
		{ actor, role: caller.role },
		async (group, revision) => {
			store.feed.announce(revision);
			const counts: Partial<Record<RecordKind, number>> = {};
			for (const change of group.changes) counts[change.kind] = (counts[change.kind] ?? 0) + 1;
			// A new published version of a scorecard is a publish; anything else a change.
			const version = group.changes.find(
				(change) => change.kind === 'scorecardVersions' && change.body !== null
			)?.body as { scorecard_id: string; version: number } | undefined;
			await store.audit.record(
				actor,
				version ? 'publish' : 'change',
				version
					? `scorecard ${version.scorecard_id} version ${version.version}`
					: Object.keys(counts).join(', '),
				{ revision, records: counts }
			);
		}
	);
	return json({ results });
};
