/**
 * Posting a play's webhook (Slack-compatible JSON), as the server does it. Anyone who may run a play
 * chooses the URL, so the server must not become their way into what sits behind it: the host's
 * addresses are looked up once and all checked before anything connects (`net/address.ts`), the
 * request goes to those addresses only (`net/pinned.ts`), redirects are not followed, and every
 * failure the network caused reads the same. Then a deadline on each try, retries with backoff where
 * another try may succeed (network errors, timeouts, 429, 5xx), and the outcome as a value, never a
 * throw.
 *
 * Every field of `WebhookResult` is safe to show to whoever asked. Its `error` is one of: a problem
 * with the URL as given (`url: …`, `body: …`), the host's HTTP status (`HTTP 404`), or
 * `DELIVERY_FAILED` for everything else — refused or closed port, timeout, unknown name, an internal
 * address — so it cannot be used to map the network. Why it failed goes to `options.log` only.
 */
import { bareHost, hostAllowed, hostList } from '../net/hosts';
import { postPinned } from '../net/pinned';
import { resolveChecked } from '../net/resolve';
import type { Lookup } from '../net/types';

export type WebhookResult =
	{ ok: true; status: number; attempts: number } | { ok: false; error: string; attempts: number };

/** The one text of every failure that is not the URL's fault nor an HTTP answer. */
export const DELIVERY_FAILED = 'webhook delivery failed';

export interface WebhookPolicy {
	/** Hosts that may be posted to, exact or `*.example.com`; null (or empty) = any public host. */
	allowedHosts: string[] | null;
	/** Post to loopback and private addresses too (tests; a hook on the owner's own network). */
	allowInternal: boolean;
}

export interface WebhookOptions extends Partial<WebhookPolicy> {
	/** Each try, from connecting to the last byte read. */
	timeoutMs?: number;
	/** Each try's connection (TCP, and TLS for https). */
	connectTimeoutMs?: number;
	/** Tries after the first. */
	retries?: number;
	/** The first wait between tries; each next one doubles. */
	backoffMs?: number;
	/** The most of an answer's body that is read. */
	maxResponseBytes?: number;
	/** Looks the host up (tests give their own); `dns.lookup` with `all: true` by default. */
	lookup?: Lookup;
	/** Where the reason of each failure goes, for the owner: the server's log (`console.warn`) by default. */
	log?: (message: string) => void;
}

/** The owner's settings: `WEBHOOK_HOSTS` (comma-separated) and `WEBHOOK_ALLOW_INTERNAL=1`. */
export function webhookPolicy(
	env: Record<string, string | undefined> = process.env
): WebhookPolicy {
	const allowInternal = (env.WEBHOOK_ALLOW_INTERNAL ?? '').trim().toLowerCase();
	return {
		allowedHosts: hostList(env.WEBHOOK_HOSTS),
		allowInternal: allowInternal === '1' || allowInternal === 'true'
	};
}

/** Why a URL may not be posted to, or null when it may: http(s) only, no credentials in it. */
export function webhookUrlProblem(url: unknown): string | null {
	if (typeof url !== 'string' || url.length > 2048) return 'url: expected a URL';
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return 'url: expected a URL';
	}
	if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
		return 'url: expected an http or https URL';
	if (parsed.username || parsed.password) return 'url: credentials in the URL are refused';
	return null;
}

function allowListProblem(hostname: string, allowed: string[] | null): string | null {
	return hostAllowed(hostname, allowed)
		? null
		: `url: host "${bareHost(hostname)}" is not in WEBHOOK_HOSTS`;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The longest a `Retry-After` answer may make a try wait. */
const MAX_RETRY_AFTER_MS = 30_000;

/** How long a 429's `Retry-After` (seconds) asks to wait, when it says and it is reasonable. */
function retryAfterMs(header: string | null): number | null {
	const seconds = Number(header);
	if (!header || !Number.isFinite(seconds) || seconds <= 0) return null;
	return Math.min(seconds * 1000, MAX_RETRY_AFTER_MS);
}

/** The start of an answer's body, on one line, for the log. */
function excerpt(body: string): string {
	const line = body.replace(/\p{Cc}+/gu, ' ').trim();
	return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

/**
 * POSTs `body` as JSON to `url`. Retries (with waits of `backoffMs`, doubling) on network errors,
 * timeouts, 429 and 5xx; gives up at once on any other answer that is not 2xx (a redirect included),
 * and on a host that does not resolve or resolves to an internal address (attempts: 0, nothing was
 * sent). `allowedHosts` and `allowInternal` default to the environment's (`webhookPolicy`).
 */
export async function postWebhook(
	url: string,
	body: unknown,
	options: WebhookOptions = {}
): Promise<WebhookResult> {
	const policy = webhookPolicy();
	const {
		timeoutMs = 5000,
		connectTimeoutMs = Math.min(3000, timeoutMs),
		retries = 3,
		backoffMs = 500,
		maxResponseBytes = 8 * 1024,
		allowedHosts = policy.allowedHosts,
		allowInternal = policy.allowInternal,
		lookup,
		log = (message: string) => console.warn(message)
	} = options;
	const problem = webhookUrlProblem(url) ?? allowListProblem(new URL(url).hostname, allowedHosts);
	if (problem) return { ok: false, error: problem, attempts: 0 };
	let payload: string;
	try {
		payload = JSON.stringify(body ?? {});
	} catch {
		return { ok: false, error: 'body: expected a JSON value', attempts: 0 };
	}
	const target = new URL(url);
	// The host only: a webhook URL's path is its secret.
	const say = (reason: string) => log(`webhook to ${target.host}: ${reason}`);
	const resolved = await resolveChecked(target.hostname, { lookup, allowInternal, timeoutMs });
	if (!resolved.ok) {
		say(`refused before connecting: ${resolved.reason}`);
		return { ok: false, error: DELIVERY_FAILED, attempts: 0 };
	}
	const limits = { timeoutMs, connectTimeoutMs, maxResponseBytes };
	let error = DELIVERY_FAILED;
	let nextWait = backoffMs;
	for (let attempt = 1; attempt <= retries + 1; attempt++) {
		if (attempt > 1) {
			await wait(nextWait);
			nextWait = backoffMs * 2 ** (attempt - 1);
		}
		const delivery = await postPinned(target, resolved.addresses, payload, limits);
		if (!delivery.answered) {
			error = DELIVERY_FAILED;
			say(`try ${attempt}: ${delivery.reason}`);
			continue;
		}
		const { status } = delivery;
		if (status >= 200 && status < 300) return { ok: true, status, attempts: attempt };
		error = `HTTP ${status}`;
		say(`try ${attempt}: HTTP ${status} ${excerpt(delivery.body)}`.trim());
		if (status !== 429 && status < 500) return { ok: false, error, attempts: attempt };
		if (status === 429) nextWait = Math.max(nextWait, retryAfterMs(delivery.retryAfter) ?? 0);
	}
	return { ok: false, error, attempts: retries + 1 };
}
