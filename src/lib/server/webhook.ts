/**
 * Posting a play's webhook (Slack-compatible JSON), as the server does it: a timeout on each try,
 * retries with backoff where another try may succeed (network errors, timeouts, 429, 5xx), and the
 * outcome as a value, never a throw.
 */

export type WebhookResult =
	{ ok: true; status: number; attempts: number } | { ok: false; error: string; attempts: number };

export interface WebhookOptions {
	timeoutMs?: number;
	/** Tries after the first. */
	retries?: number;
	/** The first wait between tries; each next one doubles. */
	backoffMs?: number;
	fetch?: typeof fetch;
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

/** Host names and address literals inside this machine or its private network. */
const LOCAL_HOST =
	/^(localhost|.*\.localhost|0\.0\.0\.0|127\.\d+\.\d+\.\d+|10\.\d+\.\d+\.\d+|192\.168\.\d+\.\d+|169\.254\.\d+\.\d+|172\.(1[6-9]|2\d|3[01])\.\d+\.\d+|\[::1?\]|\[f[cd][0-9a-f:]*\]|\[fe80:[0-9a-f:]*\])$/i;

/**
 * Whether the server may post to this URL's host. `allowed` is the `WEBHOOK_HOSTS` setting (host
 * names, comma-separated): when set, only those; when not, any public host, but no local or
 * private address, so the endpoint cannot be used to reach what sits behind the server.
 */
export function webhookHostProblem(url: string, allowed: string | undefined): string | null {
	const host = new URL(url).hostname.toLowerCase();
	const list = (allowed ?? '')
		.split(',')
		.map((name) => name.trim().toLowerCase())
		.filter(Boolean);
	if (list.length)
		return list.includes(host) ? null : `url: host "${host}" is not in WEBHOOK_HOSTS`;
	return LOCAL_HOST.test(host) ? `url: local and private addresses need WEBHOOK_HOSTS` : null;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The longest a `Retry-After` answer may make a try wait. */
const MAX_RETRY_AFTER_MS = 30_000;

/** How long a 429's `Retry-After` (seconds) asks to wait, when it says and it is reasonable. */
function retryAfterMs(response: Response): number | null {
	const seconds = Number(response.headers.get('retry-after'));
	if (!Number.isFinite(seconds) || seconds <= 0) return null;
	return Math.min(seconds * 1000, MAX_RETRY_AFTER_MS);
}

/**
 * POSTs `body` as JSON to `url`. Retries (with waits of `backoffMs`, doubling) on network errors,
 * timeouts, 429 and 5xx; gives up at once on any other answer that is not 2xx, and on redirects.
 */
export async function postWebhook(
	url: string,
	body: unknown,
	options: WebhookOptions = {}
): Promise<WebhookResult> {
	const { timeoutMs = 5000, retries = 3, backoffMs = 500, fetch: send = fetch } = options;
	const problem = webhookUrlProblem(url);
	if (problem) return { ok: false, error: problem, attempts: 0 };
	let payload: string;
	try {
		payload = JSON.stringify(body ?? {});
	} catch {
		return { ok: false, error: 'body: expected a JSON value', attempts: 0 };
	}
	let error = '';
	let nextWait = backoffMs;
	for (let attempt = 1; attempt <= retries + 1; attempt++) {
		if (attempt > 1) {
			await wait(nextWait);
			nextWait = backoffMs * 2 ** (attempt - 1);
		}
		const controller = new AbortController();
		const timer = setTimeout(() => controller.abort(), timeoutMs);
		try {
			const response = await send(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: payload,
				signal: controller.signal,
				redirect: 'error'
			});
			await response.body?.cancel().catch(() => undefined);
			if (response.ok) return { ok: true, status: response.status, attempts: attempt };
			error = `HTTP ${response.status}`;
			if (response.status !== 429 && response.status < 500)
				return { ok: false, error, attempts: attempt };
			if (response.status === 429) nextWait = Math.max(nextWait, retryAfterMs(response) ?? 0);
		} catch (caught) {
			error = controller.signal.aborted
				? `no answer within ${timeoutMs} ms`
				: caught instanceof Error
					? causeOf(caught)
					: String(caught);
		} finally {
			clearTimeout(timer);
		}
	}
	return { ok: false, error, attempts: retries + 1 };
}

/** Node's fetch says only "fetch failed": the cause (refused, unknown host) is what helps. */
function causeOf(error: Error): string {
	const cause = (error as Error & { cause?: unknown }).cause;
	if (cause instanceof Error && cause.message) return `${error.message}: ${cause.message}`;
	return error.message;
}
