/** The messages between the Backtest page and its worker, which reads the store and backtests it. */
import type {
	BacktestOptions,
	BacktestReport,
	CalibrationSummary,
	DiscoveryResult
} from '$lib/engine/backtest';

/** The event a low score foresees: churn, or (for expansion) not expanding. */
export type Target = NonNullable<BacktestOptions['target']>;

/** The report with what the page shows beside it. */
export interface PageReport {
	report: BacktestReport;
	target: Target;
	/** The data version of the store the report was computed from. */
	dataVersion: number;
	/** Names of the accounts the page lists (blind spots). */
	accountNames: Record<string, string>;
	/** How long reading the store and backtesting took, in milliseconds. */
	readMs: number;
	backtestMs: number;
}

/** One scorecard at one horizon for one target: what calibration and discovery work on. */
export interface Selection {
	scorecardId: string;
	horizon: number;
	target: Target;
}

/**
 * The calibration without each outcome's probability: the page shows only the summary, and the
 * list (one entry per outcome) would be most of the message.
 */
export type CalibrationView =
	| Omit<Extract<CalibrationSummary, { ok: true }>, 'outcomes'>
	| Extract<CalibrationSummary, { ok: false }>;

/** What each request answers with. */
export interface Results {
	run: PageReport;
	calibrate: CalibrationView;
	discover: DiscoveryResult;
}

export type BacktestRequest =
	| { id: number; type: 'run'; target: Target }
	| { id: number; type: 'calibrate'; selection: Selection }
	| { id: number; type: 'discover'; selection: Selection };

export type BacktestResponse =
	| { id: number; type: 'progress'; stage: 'reading' | 'backtesting'; done: number; total: number }
	| { id: number; type: 'done'; ok: true; result: Results[keyof Results] }
	| { id: number; type: 'done'; ok: false; message: string };
