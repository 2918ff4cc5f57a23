/**
 * Where the unsubscribe key ring lives: `<dataDir>/unsubscribe-keys.json`, owner-only, created
 * with one key on first use and replaced whole (`files.ts`) on rotation. Read on every call, not
 * cached, so a rotation by another process (the command line) is seen at once. The ring could
 * move into the database; callers that use `unsubscribeKeys()` would not change.
 */
import { existsSync, linkSync, readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomically } from './files';
import { mailServer } from './server';
import {
	currentUnsubscribeKey,
	newUnsubscribeKey,
	rotateUnsubscribeKeys,
	type UnsubscribeKey,
	type UnsubscribeKeyRing
} from './unsubscribe';

export const UNSUBSCRIBE_KEYS_FILE = 'unsubscribe-keys.json';

/** The key file cannot be read as a ring; the message names the file and the field. */
export class UnsubscribeKeysError extends Error {
	override name = 'UnsubscribeKeysError';
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;
const isDate = (value: unknown) => typeof value === 'string' && !Number.isNaN(Date.parse(value));

/** Why `value` is not a usable ring (its JSON path first), or null. */
function ringProblem(value: unknown): string | null {
	if (!Array.isArray(value) || value.length === 0) return 'expected a list of keys';
	const ids = new Set<string>();
	for (const [index, key] of value.entries()) {
		if (typeof key !== 'object' || key === null) return `[${index}]: expected a key`;
		const { id, secret, created_at, retired_at } = key as Record<string, unknown>;
		if (typeof id !== 'string' || !BASE64URL.test(id)) return `[${index}].id: expected base64url`;
		if (ids.has(id)) return `[${index}].id: ${id} appears twice`;
		ids.add(id);
		if (
			typeof secret !== 'string' ||
			!BASE64URL.test(secret) ||
			Buffer.from(secret, 'base64url').length !== 32
		)
			return `[${index}].secret: expected 32 bytes in base64url`;
		if (!isDate(created_at)) return `[${index}].created_at: expected a date`;
		if (retired_at !== null && !isDate(retired_at))
			return `[${index}].retired_at: expected a date or null`;
	}
	if (!currentUnsubscribeKey(value as UnsubscribeKeyRing)) return 'no key is current (all retired)';
	return null;
}

function read(file: string): UnsubscribeKeyRing {
	let value: unknown;
	try {
		value = JSON.parse(readFileSync(file, 'utf8'));
	} catch (error) {
		throw new UnsubscribeKeysError(`${file}: ${(error as Error).message}`);
	}
	const problem = ringProblem(value);
	if (problem) throw new UnsubscribeKeysError(`${file}: ${problem}`);
	return (value as UnsubscribeKey[]).map(({ id, secret, created_at, retired_at }) => ({
		id,
		secret,
		created_at,
		retired_at
	}));
}

const serialize = (ring: UnsubscribeKeyRing) => `${JSON.stringify(ring, null, '\t')}\n`;

/** The ring in `dataDir`, made with one fresh key when there is none yet. */
export function loadUnsubscribeKeys(dataDir: string, now = new Date()): UnsubscribeKeyRing {
	const file = join(dataDir, UNSUBSCRIBE_KEYS_FILE);
	if (existsSync(file)) return read(file);
	// Linked into place, never renamed over: when two processes start at once, the first ring
	// wins and the other reads it, so no token is signed with a key that is then lost.
	const draft = `${file}.${process.pid}.new`;
	writeFileAtomically(draft, serialize([newUnsubscribeKey(now)]));
	try {
		linkSync(draft, file);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
	} finally {
		unlinkSync(draft);
	}
	return read(file);
}

/**
 * Signs from now on with a fresh key; the old one verifies through its grace period. Read and
 * written synchronously, so two rotations in one server cannot interleave; only the server rotates.
 */
export function rotate(dataDir: string, now = new Date()): UnsubscribeKeyRing {
	const ring = rotateUnsubscribeKeys(loadUnsubscribeKeys(dataDir, now), now);
	writeFileAtomically(join(dataDir, UNSUBSCRIBE_KEYS_FILE), serialize(ring));
	return ring;
}

/** The server's ring (the one in its data folder). */
export async function unsubscribeKeys(): Promise<UnsubscribeKeyRing> {
	return loadUnsubscribeKeys((await mailServer()).config.dataDir);
}
