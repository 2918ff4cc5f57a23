/**
 * Sending the emails of plays, exactly once. Each request names an outbox entry (its key, play,
 * account, recipient); the server checks it against the published workspace (the play has that
 * email action, the recipient is that account's contact), renders the play's template itself and
 * sends it. The send ledger answers a key it has seen with the recorded result, so a retried
 * request, a second tab or a run resumed after a crash never sends twice. Not a relay: nothing in
 * a request chooses an address or a word of the message.
 */
import { createHash } from 'node:crypto';
import {
	accountContexts,
	groupNames,
	isValidAddress,
	type Account,
	type Contact,
	type Play,
	type ScoreContext,
	type Workspace
} from '../../engine';
import { mailContext, TemplateError, type TemplateSet } from '../../mail';
import type { SendRequest } from '../../mail/request';
import { addressOf, EMPTY_SENDER, resolveSender, type ResolvedSender } from '../../mail/sender';
import type { Ledger, LedgerRecord } from './ledger';
import { SendFailure, type MailTransport } from './transport';
import { unsubscribeToken, type UnsubscribeKeyRing, type UnsubscribeSource } from './unsubscribe';

/** What the app asks to send: one outbox entry. */
export type DeliveryRequest = SendRequest;

export type DeliveryResult =
	| { key: string; status: 'sent'; message_id: string; attempts: number; replayed: boolean }
	| { key: string; status: 'failed'; error: string; attempts: number; replayed: boolean }
	/** A transient failure that outlasted the tries: the entry stays queued for a later run. */
	| { key: string; status: 'retry'; error: string; attempts: number }
	| { key: string; status: 'suppressed'; reason: 'unsubscribed' | 'do_not_contact' }
	/** The request does not describe a message of the published workspace: nothing was sent. */
	| { key: string; status: 'refused'; error: string };

export interface DeliveryOptions {
	workspace: Workspace;
	templates: TemplateSet;
	transport: MailTransport;
	ledger: Ledger;
	/** Asked at each send: an address unsubscribed while a run sends is spared the rest of it. */
	unsubscribes: UnsubscribeSource;
	/** Signs the unsubscribe links (`unsubscribe-keys.ts`); used for nothing else. */
	unsubscribeKeys: UnsubscribeKeyRing;
	/**
	 * Who the messages are from, where replies go, the footer's postal address, the links and the
	 * public URL (unsubscribe links and the logo point there). Without it: resolved from the
	 * workspace's settings, `mailFrom` and `publicUrl`.
	 */
	sender?: ResolvedSender;
	mailFrom?: string | null;
	publicUrl?: string;
	/** The run's date: scores and placeholders as of then. */
	asOf: string;
	/** Tries for a transient failure (4xx, lost connection), the first wait, doubled each time. */
	tries?: number;
	backoffMs?: number;
	/** Messages in flight at once (the SMTP pool's size). */
	concurrency?: number;
}

const MAX_FIELD = 320;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Why a request is malformed (a field missing, too long, or holding a line break), or null. */
export function requestProblem(input: unknown): string | null {
	if (typeof input !== 'object' || input === null) return 'expected an object';
	const request = input as Record<string, unknown>;
	for (const field of ['key', 'play_id', 'account_id', 'recipient'] as const) {
		const value = request[field];
		if (typeof value !== 'string' || value.length === 0) return `${field}: expected text`;
		if (value.length > MAX_FIELD) return `${field}: longer than ${MAX_FIELD} characters`;
		if (CONTROL.test(value)) return `${field}: control characters (CR/LF) are refused`;
	}
	if (!Number.isInteger(request.action_index) || (request.action_index as number) < 0)
		return 'action_index: expected a whole number';
	const contact = request.contact_id;
	if (
		contact !== undefined &&
		(typeof contact !== 'string' || CONTROL.test(contact) || contact.length > MAX_FIELD)
	)
		return 'contact_id: expected text without control characters';
	if (!isValidAddress(request.recipient as string)) return 'recipient: not an email address';
	return null;
}

/** A Message-ID that depends on the key only: every try of an entry carries the same one. */
export function messageIdFor(key: string, mailFrom: string): string {
	const domain = addressOf(mailFrom).split('@')[1] || 'scorecraft.local';
	return `<${createHash('sha256').update(key).digest('hex').slice(0, 32)}@${domain}>`;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Target {
	account: Account;
	contact: Contact | null;
	play: Play;
	template: string;
}

type Settled = Omit<Required<DeliveryOptions>, 'mailFrom' | 'publicUrl'>;

export class Deliverer {
	readonly #options: Settled;
	readonly #accounts: Map<string, Account>;
	readonly #contacts: Map<string, Contact>;
	readonly #plays: Map<string, Play>;
	readonly #names: Map<string, string>;
	readonly #contexts = new Map<string, ScoreContext>();
	readonly #inFlight = new Map<string, Promise<DeliveryResult>>();

	constructor(options: DeliveryOptions) {
		const { workspace } = options;
		const sender =
			options.sender ??
			resolveSender(EMPTY_SENDER, {
				settings: workspace.settings,
				mailFrom: options.mailFrom,
				publicUrl: options.publicUrl
			});
		this.#options = { tries: 4, backoffMs: 250, concurrency: 3, ...options, sender };
		this.#accounts = new Map(workspace.accounts.map((a) => [a.id, a]));
		this.#contacts = new Map(workspace.contacts.map((c) => [c.id, c]));
		this.#plays = new Map(workspace.plays.map((p) => [p.id, p]));
		this.#names = groupNames(workspace.scorecards);
	}

	/** Checks a request against the published workspace: what it would send, or why not. */
	target(request: DeliveryRequest): Target | string {
		const play = this.#plays.get(request.play_id);
		if (!play) return `play ${request.play_id}: not in the published workspace`;
		const action = play.actions[request.action_index];
		if (action?.type !== 'email')
			return `play ${play.id}: action ${request.action_index} is not an email`;
		const account = this.#accounts.get(request.account_id);
		if (!account) return `account ${request.account_id}: not in the published workspace`;
		if (
			!request.key.startsWith(
				`${play.id}:${account.id}:${request.action_index}:${request.recipient}:`
			)
		)
			return 'key: does not belong to this play, account and recipient';
		if (!this.#options.templates.has(action.template))
			return `template ${action.template}: no such template`;
		if (request.contact_id) {
			const contact = this.#contacts.get(request.contact_id);
			if (!contact || contact.account_id !== account.id)
				return `contact ${request.contact_id}: not a contact of ${account.id}`;
			if (contact.email.toLowerCase() !== request.recipient.toLowerCase())
				return 'recipient: not the address of that contact';
			return { account, contact, play, template: action.template };
		}
		if (action.to === 'csm' && account.csm?.toLowerCase() === request.recipient.toLowerCase())
			return { account, contact: null, play, template: action.template };
		return 'recipient: not a contact of the account';
	}

	/** Sends every request, a few at a time; the results in request order. */
	async deliverAll(
		requests: readonly DeliveryRequest[],
		onResult?: (result: DeliveryResult) => void
	): Promise<DeliveryResult[]> {
		this.#prepare(requests);
		const results: DeliveryResult[] = new Array(requests.length);
		let next = 0;
		const worker = async () => {
			while (next < requests.length) {
				const i = next++;
				results[i] = await this.deliver(requests[i]!);
				onResult?.(results[i]!);
			}
		};
		await Promise.all(Array.from({ length: Math.max(1, this.#options.concurrency) }, worker));
		return results;
	}

	/** Scores the accounts of a batch together (one pass over their history). */
	#prepare(requests: readonly DeliveryRequest[]): void {
		const missing = [...new Set(requests.map((r) => r.account_id))].filter(
			(id) => this.#accounts.has(id) && !this.#contexts.has(id)
		);
		if (missing.length === 0) return;
		for (const [id, context] of accountContexts(
			this.#options.workspace,
			this.#options.asOf,
			missing
		))
			this.#contexts.set(id, context);
	}

	deliver(request: DeliveryRequest): Promise<DeliveryResult> {
		// A second request for a key being sent waits for the first one's answer.
		const running = this.#inFlight.get(request.key);
		if (running) return running;
		const promise = this.#deliver(request).finally(() => this.#inFlight.delete(request.key));
		this.#inFlight.set(request.key, promise);
		return promise;
	}

	async #deliver(request: DeliveryRequest): Promise<DeliveryResult> {
		const problem = requestProblem(request);
		if (problem) return { key: String(request.key), status: 'refused', error: problem };
		const target = this.target(request);
		if (typeof target === 'string') return { key: request.key, status: 'refused', error: target };
		const { account, contact } = target;
		if (contact?.unsubscribed_at || (await this.#options.unsubscribes.has(request.recipient)))
			return { key: request.key, status: 'suppressed', reason: 'unsubscribed' };
		if (account.do_not_contact || contact?.do_not_contact)
			return { key: request.key, status: 'suppressed', reason: 'do_not_contact' };

		const options = this.#options;
		const recorded = await options.ledger.get(request.key);
		if (recorded) return replay(recorded);
		// The claim, before a word goes to the SMTP server: whoever else asks for this key (another
		// request, run or process) finds it taken.
		const claim = await options.ledger.claim({
			key: request.key,
			recipient: request.recipient,
			play_id: request.play_id,
			account_id: request.account_id
		});
		if (!claim.claimed) return replay(claim.record);
		try {
			return await this.#send(request, target);
		} catch (error) {
			// Nothing was handed to the transport (its failures are caught below): free the key.
			await options.ledger.release(request.key);
			throw error;
		}
	}

	async #send(request: DeliveryRequest, target: Target): Promise<DeliveryResult> {
		const options = this.#options;
		const { sender } = options;
		const { account, contact } = target;
		if (!this.#contexts.has(account.id)) this.#prepare([request]);
		const token = unsubscribeToken(options.unsubscribeKeys, {
			contact_id: contact?.id ?? '',
			account_id: account.id,
			email: request.recipient
		});
		const unsubscribeUrl = `${sender.public_url}/unsubscribe/${token}`;
		let rendered;
		try {
			rendered = await options.templates.render(
				target.template,
				mailContext({
					account,
					contact: contact ?? { email: request.recipient, name: '', role: 'csm' },
					score: this.#contexts.get(account.id)!,
					groupNames: this.#names,
					sender,
					publicUrl: sender.public_url,
					unsubscribeUrl
				})
			);
		} catch (error) {
			// A broken template fails every message of it the same way: record it, with the line.
			const message = error instanceof TemplateError ? error.message : String(error);
			return this.#record(request, { status: 'failed', error: message, attempts: 0 });
		}
		const message = {
			key: request.key,
			from: sender.from,
			to: request.recipient,
			replyTo: sender.reply_to,
			subject: rendered.subject,
			html: rendered.html,
			text: rendered.text,
			messageId: messageIdFor(request.key, sender.from),
			publicUrl: sender.public_url,
			headers: {
				'List-Unsubscribe': `<${unsubscribeUrl}>`,
				'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
				'Auto-Submitted': 'auto-generated'
			}
		};
		let attempts = 0;
		for (;;) {
			attempts++;
			try {
				const sent = await options.transport.send(message);
				return this.#record(request, { status: 'sent', message_id: sent.messageId, attempts });
			} catch (error) {
				const failure =
					error instanceof SendFailure ? error : new SendFailure(String(error), false);
				if (!failure.transient)
					return this.#record(request, { status: 'failed', error: failure.message, attempts });
				if (attempts >= options.tries) {
					await options.ledger.release(request.key);
					return { key: request.key, status: 'retry', error: failure.message, attempts };
				}
				await wait(options.backoffMs * 2 ** (attempts - 1));
			}
		}
	}

	async #record(
		request: DeliveryRequest,
		outcome:
			| { status: 'sent'; message_id: string; attempts: number }
			| { status: 'failed'; error: string; attempts: number }
	): Promise<DeliveryResult> {
		// Answered only once the record is durable: what the app hears is never forgotten.
		await this.#options.ledger.settle({
			key: request.key,
			recipient: request.recipient,
			play_id: request.play_id,
			account_id: request.account_id,
			at: new Date().toISOString(),
			...outcome
		});
		return { key: request.key, ...outcome, replayed: false };
	}
}

function replay(record: LedgerRecord): DeliveryResult {
	if (record.status === 'sending')
		return {
			key: record.key,
			status: 'retry',
			error: `claimed for sending at ${record.at} and not settled: being sent by another run, or interrupted (not sent again by itself)`,
			attempts: record.attempts
		};
	return record.status === 'sent'
		? {
				key: record.key,
				status: 'sent',
				message_id: record.message_id ?? '',
				attempts: record.attempts,
				replayed: true
			}
		: {
				key: record.key,
				status: 'failed',
				error: record.error ?? 'failed',
				attempts: record.attempts,
				replayed: true
			};
}
