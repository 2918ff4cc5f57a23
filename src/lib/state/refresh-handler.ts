/**
 * What the refresh worker does with a request, apart from the worker itself so the page can run
 * the same code on its own thread where there are no workers. Failures come back as values.
 */
import { refreshScores, startStore, type ScorecraftDatabase } from '$lib/db';
import type { RefreshRequest, RefreshResponse } from './refresh-protocol';

export async function handleRefreshRequest(
	db: ScorecraftDatabase,
	request: RefreshRequest
): Promise<RefreshResponse> {
	try {
		if (request.type === 'start') {
			const started = performance.now();
			const result = await startStore(db, request.today);
			return {
				id: request.id,
				ok: true,
				type: 'start',
				result: { ...result, totalMs: performance.now() - started }
			};
		}
		const result = await refreshScores(db, request.asOf);
		return { id: request.id, ok: true, type: 'refresh', result };
	} catch (error) {
		return {
			id: request.id,
			ok: false,
			message: error instanceof Error ? error.message : String(error)
		};
	}
}
