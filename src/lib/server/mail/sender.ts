/**
 * The sender identity as `<SCORECRAFT_DATA>/sender.json` held it before the server's database (the
 * setting `../store/sender.ts` keeps now): read by `engine run` without the database, and once to
 * move it in. A field that does not pass the checks (a hand edit) counts as not set.
 */
import { readFileSync } from 'node:fs';
import { EMPTY_SENDER, trustedSender, type SenderIdentity } from '../../mail/sender';

/** The file's identity; throws when it cannot be read or is not JSON. */
export function readSenderFile(file: string): SenderIdentity {
	return trustedSender(JSON.parse(readFileSync(file, 'utf8')));
}

/** The file's identity, every field empty when there is none (or it cannot be read). */
export function senderFromFile(file: string): SenderIdentity {
	try {
		return readSenderFile(file);
	} catch {
		return { ...EMPTY_SENDER };
	}
}
