/**
 * Delivering the outbox's queued emails through the server: the workspace published first when
 * it changed, the entries claimed `sending`, sent in batches, the answers recorded. A tab closed
 * half-way leaves entries `sending`; the next delivery sends them again and the server's ledger
 * answers those it already sent, so nothing is lost or sent twice. Before that, the server's
 * unsubscribes and runs are brought in, so the plan and the outbox know them.
 */
import {
	applyUnsubscribes,
	claimEmails,
	exportWorkspace,
	importServerRun,
	recordDeliveries,
	releaseEmails,
	type ScorecraftDatabase
} from '$lib/db';
import { readMeta, writeMeta } from '$lib/db/meta';
import { nowIso, todayUtc } from '../today';
import { sendRequestOf } from '$lib/mail/request';
import { ApiError, MailApi } from './api';

const BATCH = 100;

/** Publishes the workspace when the store changed since the last publish (or the server lost it). */
export async function ensurePublished(
	db: ScorecraftDatabase,
	api: MailApi,
	force = false
): Promise<string> {
	const dataVersion = (await readMeta(db, 'dataVersion')) ?? 0;
	const last = await readMeta(db, 'published');
	if (!force && last?.dataVersion === dataVersion) {
		const status = await api.status();
		if (status.published?.version === last.version) return last.version;
	}
	const workspace = await exportWorkspace(db);
	const status = await api.publish(JSON.stringify(workspace));
	const version = status.published!.version;
	await writeMeta(db, 'published', { dataVersion, version });
	return version;
}

/** Unsubscribes and runs the server recorded, brought into the store; how many of each. */
export async function syncFromServer(
	db: ScorecraftDatabase,
	api: MailApi
): Promise<{ unsubscribed: number; runs: number }> {
	const unsubscribed = await applyUnsubscribes(db, await api.unsubscribes());
	const after = (await readMeta(db, 'serverRunSynced')) ?? null;
	const runs = await api.runs(after);
	for (const run of runs) {
		await importServerRun(db, run);
		await writeMeta(db, 'serverRunSynced', run.id);
	}
	return { unsubscribed, runs: runs.length };
}

export interface DeliveryReport {
	sent: number;
	failed: number;
	retry: number;
	suppressed: number;
	unsubscribed: number;
}

export async function deliverQueuedEmails(
	db: ScorecraftDatabase,
	api: MailApi = new MailApi(),
	onProgress: (done: number, total: number) => void = () => {},
	asOf = todayUtc()
): Promise<DeliveryReport> {
	const report: DeliveryReport = { sent: 0, failed: 0, retry: 0, suppressed: 0, unsubscribed: 0 };
	report.unsubscribed = (await syncFromServer(db, api)).unsubscribed;
	const claimed = await claimEmails(db, nowIso());
	if (claimed.length === 0) return report;
	let version: string;
	try {
		version = await ensurePublished(db, api);
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
			// The store changed since it was published (a tag a play added, an unsubscribe): again.
			version = await ensurePublished(db, api, true);
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
