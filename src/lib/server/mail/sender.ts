/**
 * The sender identity the server keeps (`<SCORECRAFT_DATA>/sender.json`), edited on the Settings
 * page: replaced whole on each save (written beside, flushed, renamed), read again when the file
 * changes (the command line reads it too). A field the file holds that does not pass the checks
 * (a hand edit) counts as not set.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { EMPTY_SENDER, parseSender, trustedSender, type SenderIdentity } from '../../mail/sender';
import type { SenderProblem } from '../../mail/sender';
import { writeFileAtomically } from './files';

export class SenderStore {
	#cached: { mtimeMs: number; identity: SenderIdentity } | null = null;

	constructor(readonly file: string) {}

	/** The stored identity; every field empty when none was saved (or the file cannot be read). */
	current(): SenderIdentity {
		if (!existsSync(this.file)) return { ...EMPTY_SENDER };
		const { mtimeMs } = statSync(this.file);
		if (this.#cached?.mtimeMs !== mtimeMs) {
			let identity: SenderIdentity;
			try {
				identity = trustedSender(JSON.parse(readFileSync(this.file, 'utf8')));
			} catch {
				identity = { ...EMPTY_SENDER };
			}
			this.#cached = { mtimeMs, identity };
		}
		return { ...this.#cached.identity };
	}

	/** Checks and stores an identity; the problems by field when it is refused. */
	save(
		input: unknown
	): { ok: true; value: SenderIdentity } | { ok: false; errors: SenderProblem[] } {
		const result = parseSender(input);
		if (!result.ok) return result;
		writeFileAtomically(this.file, `${JSON.stringify(result.value, null, 2)}\n`, undefined, 0o644);
		this.#cached = { mtimeMs: statSync(this.file).mtimeMs, identity: result.value };
		return result;
	}
}
