/** The command line's edge: files, standard streams and exit codes. Errors end here as messages. */
import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import { parseWorkspace, type Workspace } from '../lib/engine';

/** A problem the user can fix; printed to stderr without a stack trace. */
export class CliError extends Error {
	constructor(
		message: string,
		readonly exitCode = 1
	) {
		super(message);
		this.name = 'CliError';
	}
}

/** Wrong arguments: exit status 2, as usage errors conventionally get. */
export class UsageError extends CliError {
	constructor(message: string) {
		super(message, 2);
		this.name = 'UsageError';
	}
}

/** What a command prints on each stream, and its exit status (a plain string is stdout, exit 0). */
export interface CommandOutput {
	stdout: string;
	stderr: string;
	exitCode: number;
}

const MAX_LISTED = 50;

export function readWorkspace(file: string): Workspace {
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch (error) {
		throw new CliError(
			`cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`
		);
	}
	let json: unknown;
	try {
		json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
	} catch (error) {
		throw new CliError(`${file} is not valid JSON: ${(error as Error).message}`);
	}
	const result = parseWorkspace(json);
	if (!result.ok) {
		const listed = result.errors
			.slice(0, MAX_LISTED)
			.map((issue) => `  ${issue.path}: ${issue.message}`);
		const more =
			result.errors.length > MAX_LISTED
				? [`  … and ${result.errors.length - MAX_LISTED} more`]
				: [];
		throw new CliError(
			[
				`${file} is not a valid workspace (${result.errors.length} problem${result.errors.length === 1 ? '' : 's'}):`,
				...listed,
				...more
			].join('\n')
		);
	}
	return result.value;
}

/** Writes through a temporary file and a rename, so a crash never leaves half a file behind. */
export function writeFileAtomically(file: string, text: string): void {
	const temporary = `${file}.${process.pid}.tmp`;
	try {
		writeFileSync(temporary, text);
		renameSync(temporary, file);
	} catch (error) {
		throw new CliError(`cannot write ${file}: ${(error as Error).message}`);
	}
}

/** Today's date in UTC, the default as-of date. */
export function today(): string {
	return new Date().toISOString().slice(0, 10);
}
