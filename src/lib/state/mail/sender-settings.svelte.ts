/**
 * Settings → Sender: the identity every message goes out as, edited as a form and saved on the
 * server. Checked here with the server's own rules as the user saves (each problem by field),
 * and again by the server; what messages will carry is shown live with the defaults applied.
 */
import {
	EMPTY_SENDER,
	missingForSmtp,
	parseSender,
	resolveSender,
	SENDER_FIELDS,
	type ResolvedSender,
	type SenderField,
	type SenderIdentity,
	type SenderProblem
} from '$lib/mail/sender';
import type { Workspace } from '$lib/engine';
import { ApiError, MailApi, type SenderStatus } from './api';

export class SenderSettings {
	readonly #api: MailApi;
	/** Set by the constructor (an initial value, as `effective` reads it in a field initializer). */
	#origin = '';
	readonly #readSettings: () => Promise<Workspace['settings'] | undefined>;
	#stored: SenderIdentity = $state.raw({ ...EMPTY_SENDER });
	/** The workspace's older sender keys (`sender_postal_address`, …): defaults under the identity. */
	#settings: Workspace['settings'] | undefined = $state.raw(undefined);
	/** The form's values. */
	form: SenderIdentity = $state({ ...EMPTY_SENDER });
	status: SenderStatus | null = $state.raw(null);
	/** The problem of each field that has one, from the last save. */
	problems: Partial<Record<SenderField, SenderProblem>> = $state.raw({});
	loading = $state(false);
	saving = $state(false);
	/** The server could not be reached or read (the form cannot be saved then). */
	error: string | null = $state(null);
	saved = $state(false);

	/**
	 * `origin`: where the app is reached (the public URL when none is set); `readSettings`: the
	 * workspace's settings, whose older sender keys fill what the identity leaves empty.
	 */
	constructor(
		api: MailApi = new MailApi(),
		origin = '',
		readSettings: () => Promise<Workspace['settings'] | undefined> = async () => undefined
	) {
		this.#api = api;
		this.#origin = origin;
		this.#readSettings = readSettings;
	}

	readonly dirty: boolean = $derived(
		SENDER_FIELDS.some((field) => this.form[field].trim() !== this.#stored[field])
	);

	/** What messages would carry with the form as it is, every default applied. */
	readonly effective: ResolvedSender = $derived(resolveSender(this.form, this.#defaults()));

	/** What each field falls back to when left empty (the workspace's older keys, the environment). */
	readonly defaults: ResolvedSender = $derived(resolveSender(EMPTY_SENDER, this.#defaults()));

	#defaults() {
		return {
			settings: this.#settings,
			mailFrom: this.status?.mail_from ?? null,
			publicUrl: this.status?.public_url ?? (this.#origin || null)
		};
	}

	/** What sending through SMTP still waits for, as the form stands. */
	readonly requiredMissing = $derived(missingForSmtp(this.effective));

	async load(): Promise<void> {
		this.loading = true;
		try {
			this.#settings = await this.#readSettings();
			this.#apply(await this.#api.sender());
			this.error = null;
		} catch (error) {
			this.error = (error as Error).message;
		} finally {
			this.loading = false;
		}
	}

	#apply(status: SenderStatus): void {
		this.status = status;
		this.#stored = { ...status.identity };
		this.form = { ...status.identity };
	}

	/** Checks the form, then saves it on the server; false (with the problems by field) when refused. */
	async save(): Promise<boolean> {
		this.saved = false;
		const checked = parseSender(this.form);
		if (!checked.ok) {
			this.problems = byField(checked.errors);
			return false;
		}
		this.saving = true;
		try {
			this.#apply(await this.#api.saveSender(checked.value));
			this.problems = {};
			this.error = null;
			this.saved = true;
			return true;
		} catch (error) {
			if (error instanceof ApiError && error.problems.length)
				this.problems = byField(error.problems);
			else this.error = (error as Error).message;
			return false;
		} finally {
			this.saving = false;
		}
	}

	/** Puts the form back to what is saved. */
	revert(): void {
		this.form = { ...this.#stored };
		this.problems = {};
	}
}

function byField(problems: readonly SenderProblem[]): Partial<Record<SenderField, SenderProblem>> {
	const out: Partial<Record<SenderField, SenderProblem>> = {};
	for (const problem of problems) out[problem.field] ??= problem;
	return out;
}
