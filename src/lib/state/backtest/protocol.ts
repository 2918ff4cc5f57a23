/** The messages between the Backtest page and its worker, which reads the store and backtests it. */
import type { BacktestReport } from '$lib/engine/backtest';

/** The report with what the page shows beside it. */
export interface PageReport {
	report: BacktestReport;
	/** The data version of the store the report was computed from. */
	dataVersion: number;
	/** Names of the accounts the page lists (blind spots). */
	accountNames: Record<string, string>;
	/** How long reading the store and backtesting took, in milliseconds. */
	readMs: number;
	backtestMs: number;
}

export type BacktestRequest = { id: number; type: 'run' };

export type BacktestResponse =
	| { id: number; type: 'progress'; stage: 'reading' | 'backtesting'; done: number; total: number }
	| { id: number; type: 'done'; ok: true; result: PageReport }
	| { id: number; type: 'done'; ok: false; message: string };
