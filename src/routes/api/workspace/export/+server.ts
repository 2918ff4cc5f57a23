/**
 * The team workspace as one file, for the owner's backups: every record the server holds (of the
 * drafts, the owner's own: drafts are personal), in the workspace format that `PUT /api/workspace`
 * (and the Data page's import) restores.
 */
import { json, type RequestHandler } from '@sveltejs/kit';
import { emptyWorkspace } from '$lib/engine';
import { signedIn } from '$lib/server/auth/caller';
import { mailServer } from '$lib/server/mail/server';
import { serverToday } from '$lib/server/mail/service';

export const GET: RequestHandler = async (event) => {
	const server = await mailServer();
	const caller = signedIn(event);
	const published = await server.store.published.current();
	const drafts = await server.store.published.personalDrafts(caller);
	const workspace = {
		...(published?.workspace ?? emptyWorkspace()),
		...(drafts.length ? { scorecard_drafts: drafts } : {})
	};
	return json(workspace, {
		headers: {
			'content-disposition': `attachment; filename="scorecraft-workspace-${serverToday()}.json"`,
			'cache-control': 'no-store'
		}
	});
};
