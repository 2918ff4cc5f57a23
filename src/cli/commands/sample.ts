/** `engine sample`: writes the seeded sample workspace. */
import { isIsoDate } from '../../lib/engine/dates';
import { MAX_SAMPLE_ACCOUNTS } from '../../lib/engine/limits';
import {
	generateSample,
	isSampleLanguage,
	SAMPLE_END,
	SAMPLE_LANGUAGES,
	sampleSizeProblem
} from '../../lib/engine/sample';
import { UsageError, writeFileAtomically } from '../io';

export interface SampleArguments {
	out?: string;
	seed?: string;
	accounts?: string;
	end?: string;
	weeks?: string;
	language?: string;
}

export const sampleUsage = `sample --out FILE [--seed N] [--accounts N] [--end YYYY-MM-DD] [--weeks N] [--language en|ja]`;

function integer(
	name: string,
	text: string | undefined,
	fallback: number,
	min: number,
	max = Infinity
): number {
	if (text === undefined) return fallback;
	if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max)
		throw new UsageError(
			`--${name} expects a whole number ${max === Infinity ? `>= ${min}` : `from ${min} to ${max}`}, got "${text}"`
		);
	return Number(text);
}

export function runSample(args: SampleArguments): string {
	if (!args.out) throw new UsageError(`--out FILE is required\nusage: engine ${sampleUsage}`);
	const end = args.end ?? SAMPLE_END;
	if (!isIsoDate(end)) throw new UsageError(`--end expects a date as YYYY-MM-DD, got "${end}"`);
	// Refused up front: a sample past the bounds would run until memory ran out.
	const accounts = integer('accounts', args.accounts, 2000, 1, MAX_SAMPLE_ACCOUNTS);
	const weeks = integer('weeks', args.weeks, 52, 1);
	const tooLarge = sampleSizeProblem(accounts, weeks);
	if (tooLarge) throw new UsageError(`--accounts and --weeks: ${tooLarge}`);
	const language = args.language ?? 'en';
	if (!isSampleLanguage(language))
		throw new UsageError(`--language expects ${SAMPLE_LANGUAGES.join(' or ')}, got "${language}"`);
	const workspace = generateSample({
		seed: integer('seed', args.seed, 1, 0),
		accounts,
		weeks,
		end,
		language
	});
	writeFileAtomically(args.out, JSON.stringify(workspace));
	return `wrote ${args.out}: ${workspace.accounts.length} accounts, ${workspace.contacts.length} contacts, ${workspace.snapshots.length} snapshots, ${workspace.outcomes.length} outcomes, ${workspace.scorecards.length} scorecards\n`;
}
