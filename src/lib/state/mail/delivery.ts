/**
 * Delivering the outbox's queued emails through the server: this browser's changes on the server
 * first, the entries claimed `sending`, sent in batches, the answers recorded. A tab closed
 * half-way leaves entries `sending`; the next delivery sends them again and the server's ledger
 * answers those it already sent, so nothing is lost or sent twice. Before that, the server's
 * runs are brought in, so the outbox knows them (unsubscribes reach the contacts through the
 * replica: the server marks them itself).
 */
import {
	claimEmails,
	importServerRun,
	recordDeliveries,
	releaseEmails,
	type ScorecraftDatabase
} from '$lib/db';
import { readMeta, writeMeta } from '$lib/db/meta';
import { nowIso, todayUtc } from '../today';
import { sendRequestOf } from '$lib/mail/request';
import { serverRevision } from '../sync/catch-up';
import { ApiError, MailApi } from './api';

const BATCH = 100;

/** The runs the server made, brought into the outbox; how many. */
export async function syncFromServer(
	db: ScorecraftDatabase,
	api: MailApi
): Promise<{ runs: number }> {
	const after = (await readMeta(db, 'serverRunSynced')) ?? null;
	const runs = await api.runs(after);
	for (const run of runs) {
		await importServerRun(db, run);
		await writeMeta(db, 'serverRunSynced', run.id);
	}
	return { runs: runs.length };
}

export interface DeliveryReport {
	sent: number;
	failed: number;
	retry: number;
	suppressed: number;
}

export async function deliverQueuedEmails(
	db: ScorecraftDatabase,
	api: MailApi = new MailApi(),
	onProgress: (done: number, total: number) => void = () => {},
	asOf = todayUtc()
): Promise<DeliveryReport> {
	const report: DeliveryReport = { sent: 0, failed: 0, retry: 0, suppressed: 0 };
	await syncFromServer(db, api);
	const claimed = await claimEmails(db, nowIso());
	if (claimed.length === 0) return report;
	let version: string;
	try {
		version = await serverRevision(db);
	} catch (error) {
		await releaseEmails(
			db,
			claimed.map((e) => e.key),
			(error as Error).message,
			nowIso()
		);
		throw error;
	}
	onProgress(0, claimed.length);
	for (let start = 0; start < claimed.length; start += BATCH) {
		const entries = claimed.slice(start, start + BATCH);
		const batch = entries.map(sendRequestOf);
		// Approve-mode entries reach here approved in the outbox; the server hears it from this person.
		const approving = entries.filter((e) => e.mode === 'approve').map((e) => e.key);
		let answers;
		try {
			if (approving.length > 0) await api.approve(asOf, version, approving);
			answers = await api.send(asOf, version, batch);
		} catch (error) {
			if (!(error instanceof ApiError) || error.status !== 409) {
				await releaseEmails(
					db,
					claimed.slice(start).map((e) => e.key),
					(error as Error).message,
					nowIso()
				);
				throw error;
			}
			// The server had not heard of this browser's revision yet: once it has, again.
			version = await serverRevision(db);
			if (approving.length > 0) await api.approve(asOf, version, approving);
			answers = await api.send(asOf, version, batch);
		}
		await recordDeliveries(db, answers, nowIso());
		for (const answer of answers)
			if (answer.status === 'sent') report.sent++;
			else if (answer.status === 'retry') report.retry++;
			else if (answer.status === 'suppressed') report.suppressed++;
			else report.failed++;
		onProgress(Math.min(start + BATCH, claimed.length), claimed.length);
	}
	return report;
}
