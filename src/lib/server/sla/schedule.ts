/**
 * The band playbooks checked every few minutes (`SLA_CHECK_MINUTES`, 5 by default; 0: only when
 * asked, `POST /api/sla/check`), one check at a time.
 */
import { mailServer } from '../mail/server';
import { serverToday } from '../mail/service';
import { checkSla, type SlaCheckResult } from './check';
import { sendEscalation } from './mail';

let running: Promise<SlaCheckResult> | null = null;
let lastScored: { revision: number; asOf: string } | null = null;

/** Checks now, or joins the check under way. `origin`: the app's address for the emails' links. */
export function checkSlaNow(origin?: string, now = new Date()): Promise<SlaCheckResult> {
	running ??= (async () => {
		const server = await mailServer();
		const { scored, ...result } = await checkSla(server.store, {
			now,
			asOf: serverToday(),
			notify: (escalation, account) => sendEscalation(escalation, account, origin),
			lastScored
		});
		lastScored = scored;
		return result;
	})().finally(() => {
		running = null;
	});
	return running;
}

let timer: ReturnType<typeof setInterval> | null = null;

export function startSlaChecks(env: NodeJS.ProcessEnv = process.env): void {
	const minutes = Number(env.SLA_CHECK_MINUTES ?? 5);
	if (timer || !(minutes > 0)) return;
	timer = setInterval(() => {
		checkSlaNow().catch((error) => console.error(`band playbook check failed: ${error.message}`));
	}, minutes * 60_000);
	timer.unref?.();
}
