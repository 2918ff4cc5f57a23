/**
 * Replacing a file whole, safely: written beside it under a temporary name, flushed to the disk,
 * then renamed over it, so a reader (or a crash) sees the old file or the new one, never half.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export function writeFileAtomically(
	file: string,
	content: Buffer | string,
	temporary = `${file}.${process.pid}.tmp`,
	mode = 0o600
): void {
	mkdirSync(dirname(file), { recursive: true });
	const fd = openSync(temporary, 'w', mode);
	try {
		writeSync(fd, typeof content === 'string' ? Buffer.from(content) : content);
		fsyncSync(fd);
	} finally {
		closeSync(fd);
	}
	renameSync(temporary, file);
}
