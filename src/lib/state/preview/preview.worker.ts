/**
 * The preview worker: scores a scorecard being edited on every account, off the page's thread, so
 * the builder never freezes. It opens its own connection to the store's IndexedDB database. Its
 * script is served without the pages' Content Security Policy, so the engine compiles scorecards
 * to generated functions here, its fastest path.
 */
import { getDatabase } from '$lib/db';
import { PreviewHandler } from './handler';
import type { PreviewRequest } from './types';

const handler = new PreviewHandler(getDatabase);

self.addEventListener('message', (event: MessageEvent<PreviewRequest>) => {
	void handler.handle(event.data).then((response) => self.postMessage(response));
});
