/** The planning worker: plans plays over its own connection to the store, off the page's thread. */
import { getDatabase } from '$lib/db';
import { handlePlanRequest } from './handler';
import type { PlanRequest } from './protocol';

const db = getDatabase();

self.addEventListener('message', (event: MessageEvent<PlanRequest>) => {
	void handlePlanRequest(db, event.data).then((response) => self.postMessage(response));
});
