/**
 * The backtest worker: reads the workspace from its own connection to the store and backtests it
 * off the page's thread, reporting progress as it goes.
 */
import { getDatabase } from '$lib/db';
import { handleBacktestRequest } from './handler';
import type { BacktestRequest } from './protocol';

const db = getDatabase();

self.addEventListener('message', (event: MessageEvent<BacktestRequest>) => {
	void handleBacktestRequest(db, event.data, (progress) => self.postMessage(progress)).then(
		(response) => self.postMessage(response)
	);
});
