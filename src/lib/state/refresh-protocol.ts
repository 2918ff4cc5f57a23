/** The messages between the page and the refresh worker, which starts the store and scores it. */
import type { RefreshResult, StartResult } from '$lib/db';
import type { IsoDate } from '$lib/engine';

export type RefreshRequest =
	{ id: number; type: 'start'; today: IsoDate } | { id: number; type: 'refresh'; asOf: IsoDate };

/** A start with how long it took in all, the sample's generation and writing included. */
export interface StartTimings extends StartResult {
	totalMs: number;
}

export type RefreshResponse =
	| { id: number; ok: true; type: 'start'; result: StartTimings }
	| { id: number; ok: true; type: 'refresh'; result: RefreshResult }
	| { id: number; ok: false; message: string };
