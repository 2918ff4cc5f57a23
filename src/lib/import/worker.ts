/**
 * The import worker: reads, maps and checks a CSV file off the page's thread, posting progress and
 * the problems found chunk by chunk, then writes the valid rows in one transaction through its own
 * connection to the store. A file of 100,000 rows never freezes the page; the page's live queries
 * see the write when it commits, as they see any other tab's.
 */
import { ScorecraftDatabase } from '$lib/db/database';
import { ImportHandler } from './handler';
import type { WorkerRequest } from './protocol';

let database: ScorecraftDatabase | undefined;
const handler = new ImportHandler({ database: () => (database ??= new ScorecraftDatabase()) });

self.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
	void handler.handle(event.data, (message) => self.postMessage(message));
});
