/** `engine sample`: writes the seeded sample workspace. */
import { isIsoDate } from '../../lib/engine/dates';
import { generateSample, SAMPLE_END } from '../../lib/engine/sample';
import { UsageError, writeFileAtomically } from '../io';

export interface SampleArguments {
	out?: string;
	seed?: string;
	accounts?: string;
	end?: string;
	weeks?: string;
}

export const sampleUsage = `sample --out FILE [--seed N] [--accounts N] [--end YYYY-MM-DD] [--weeks N]`;

function integer(name: string, text: string | undefined, fallback: number, min: number): number {
	if (text === undefined) return fallback;
	if (!/^\d+$/.test(text) || Number(text) < min)
		throw new UsageError(`--${name} expects a whole number >= ${min}, got "${text}"`);
	return Number(text);
}

export function runSample(args: SampleArguments): string {
	if (!args.out) throw new UsageError(`--out FILE is required\nusage: engine ${sampleUsage}`);
	const end = args.end ?? SAMPLE_END;
	if (!isIsoDate(end)) throw new UsageError(`--end expects a date as YYYY-MM-DD, got "${end}"`);
	const workspace = generateSample({
		seed: integer('seed', args.seed, 1, 0),
		accounts: integer('accounts', args.accounts, 2000, 1),
		weeks: integer('weeks', args.weeks, 52, 1),
		end
	});
	writeFileAtomically(args.out, JSON.stringify(workspace));
	return `wrote ${args.out}: ${workspace.accounts.length} accounts, ${workspace.contacts.length} contacts, ${workspace.snapshots.length} snapshots, ${workspace.outcomes.length} outcomes, ${workspace.scorecards.length} scorecards\n`;
}
