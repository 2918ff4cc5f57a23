/**
 * The import worker: reads, maps and checks a CSV file off the page's thread, against the accounts
 * in this browser's store (through its own connection to it), posting progress and the problems
 * found chunk by chunk. A file of 100,000 rows never freezes the page.
 */
import { ScorecraftDatabase } from '$lib/db/database';
import { ImportHandler } from '$lib/import/handler';
import type { WorkerRequest } from '$lib/import/protocol';

let database: ScorecraftDatabase | undefined;
const handler = new ImportHandler({ database: () => (database ??= new ScorecraftDatabase()) });

self.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
	void handler.handle(event.data, (message) => self.postMessage(message));
});
