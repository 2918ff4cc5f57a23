/**
 * The refresh worker: loads the sample on the first start and scores the whole portfolio off the
 * page's thread, so the page never freezes. It opens its own connection to the same IndexedDB
 * database; the pages' live queries see its writes as they would another tab's.
 */
import { getDatabase } from '$lib/db';
import { handleRefreshRequest } from './refresh-handler';
import type { RefreshRequest } from './refresh-protocol';

const db = getDatabase();
// Opened now, while the page's replica loads: a failure comes back with the first request.
db.open().catch(() => undefined);

self.addEventListener('message', (event: MessageEvent<RefreshRequest>) => {
	void handleRefreshRequest(db, event.data).then((response) => self.postMessage(response));
});
