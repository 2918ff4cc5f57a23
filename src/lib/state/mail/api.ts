/**
 * The app's side of the server's API beyond sync: the team workspace as a file (backups,
 * restores), sending queued emails, approvals, webhooks and the server's runs. `fetch` from a page sends the session cookie and
 * the Origin header the server checks.
 */
import type { DeliveryAnswer, ServerRun } from '$lib/db';
import type { SendRequest } from '$lib/mail/request';

/** A webhook entry as the server is asked to post it: named, never its URL or body. */
export type WebhookRequest = Pick<SendRequest, 'key' | 'play_id' | 'account_id' | 'action_index'>;

export type WebhookAnswer =
	| { key: string; status: 'sent'; http_status: number; attempts: number }
	| { key: string; status: 'failed' | 'retry' | 'refused'; error: string; attempts?: number };
import type { ResolvedSender, SenderIdentity, SenderProblem, SenderSource } from '$lib/mail/sender';

export interface ServerStatus {
	published: {
		/** The team workspace's revision. */
		version: string;
		/** When, and by whom, it last changed. */
		published_at: string;
		published_by: string | null;
		accounts: number;
		plays: number;
		daily_run_hour: number | null;
	} | null;
	transport: 'smtp' | 'sink';
	from: string;
	operator: string;
	/** Why sending through SMTP is refused (the sender identity incomplete), or null. */
	refusal?: string | null;
}

/** The sender identity as the server keeps it, its defaults, and what messages carry with them. */
export interface SenderStatus extends SenderSource {
	effective: ResolvedSender;
	operator: string;
	transport: 'smtp' | 'sink';
	refusal: string | null;
}

/** The server answered with an error; `status` 409 with `version`: a revision the server never had. */
export class ApiError extends Error {
	constructor(
		message: string,
		readonly status: number,
		readonly version?: string | null,
		/** The problems by field, when the server refused a sender identity. */
		readonly problems: SenderProblem[] = []
	) {
		super(message);
		this.name = 'ApiError';
	}
}

export class MailApi {
	readonly #fetch: typeof fetch;

	constructor(fetchFn: typeof fetch = (...args) => fetch(...args)) {
		this.#fetch = fetchFn;
	}

	async #call<T>(path: string, init?: RequestInit): Promise<T> {
		let response: Response;
		try {
			response = await this.#fetch(path, init);
		} catch (error) {
			throw new ApiError(`the server cannot be reached: ${(error as Error).message}`, 0);
		}
		const body = (await response.json().catch(() => ({}))) as {
			error?: string;
			version?: string | null;
			errors?: SenderProblem[];
		};
		if (!response.ok)
			throw new ApiError(
				body.error ?? `HTTP ${response.status}`,
				response.status,
				body.version,
				Array.isArray(body.errors) ? body.errors : []
			);
		return body as T;
	}

	status(): Promise<ServerStatus> {
		return this.#call('/api/workspace');
	}

	publish(workspaceJson: string): Promise<ServerStatus> {
		return this.#call('/api/workspace', {
			method: 'PUT',
			headers: { 'content-type': 'application/json' },
			body: workspaceJson
		});
	}

	/** The team workspace as one file (the owner's backup). */
	exportWorkspace(): Promise<unknown> {
		return this.#call('/api/workspace/export');
	}

	/** Starts the team workspace over with the sample (the owner's), told in `language`. */
	startOverWithSample(language: 'en' | 'ja' = 'en'): Promise<{ revision: number }> {
		return this.#call('/api/workspace/sample', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ language })
		});
	}

	async send(
		asOf: string,
		version: string,
		entries: readonly SendRequest[]
	): Promise<DeliveryAnswer[]> {
		const body = JSON.stringify({ as_of: asOf, version, entries });
		const answer = await this.#call<{ results: DeliveryAnswer[] }>('/api/mail/send', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body
		});
		return answer.results;
	}

	/** Asks the server to post these entries' webhooks (it takes URL and body from its own plan). */
	async webhooks(
		asOf: string,
		version: string,
		entries: readonly WebhookRequest[]
	): Promise<WebhookAnswer[]> {
		const body = JSON.stringify({ as_of: asOf, version, entries });
		const answer = await this.#call<{ results: WebhookAnswer[] }>('/api/webhooks', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body
		});
		return answer.results;
	}

	/**
	 * Records on the server that the signed-in person (ops) approved these approve-mode entries:
	 * the send API sends no approve-mode entry without it.
	 */
	async approve(
		asOf: string,
		version: string,
		keys: readonly string[]
	): Promise<{ approved: string[]; refused: { key: string; error: string }[] }> {
		return this.#call('/api/approvals', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ as_of: asOf, version, keys })
		});
	}

	async runs(after: string | null): Promise<ServerRun[]> {
		const query = after ? `?after=${encodeURIComponent(after)}` : '';
		return (await this.#call<{ runs: ServerRun[] }>(`/api/runs${query}`)).runs;
	}

	runNow(): Promise<{ id: string; as_of: string; counts: Record<string, number> }> {
		return this.#call('/api/runs', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: '{}'
		});
	}

	sender(): Promise<SenderStatus> {
		return this.#call('/api/sender');
	}

	saveSender(identity: SenderIdentity): Promise<SenderStatus> {
		return this.#call('/api/sender', {
			method: 'PUT',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(identity)
		});
	}
}
