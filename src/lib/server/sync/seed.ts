/**
 * The team workspace's first content, when the owner sets the team up: the sample (2,000
 * fictional accounts with a year of weekly history, ending the server's today, its product's
 * catalogue and a year of its Scale accounts' events, rolled up: `./sample-events.ts`) or an
 * empty workspace. Only on a store that never held a workspace: a restore or an upgrade keeps its
 * own.
 */
import { generateSample, type SampleLanguage } from '../../engine/sample';
import { emptyWorkspace, type IsoDate } from '../../engine';
import type { Actor } from '../store/audit';
import type { Store } from '../store/store';
import { seedSampleUsage } from './sample-events';

/** True when it wrote the first workspace; false when the store held one already. */
export async function seedWorkspace(
	store: Store,
	by: Actor,
	options: { sample: boolean; language?: SampleLanguage; today: IsoDate; accounts?: number }
): Promise<boolean> {
	if ((await store.published.records.head()).revision > 0) return false;
	const workspace = options.sample
		? generateSample({ end: options.today, accounts: options.accounts, language: options.language })
		: emptyWorkspace();
	store.feed.announce(await store.published.replace(workspace, by));
	const usage = options.sample
		? await seedSampleUsage(store, workspace, { today: options.today, actor: by })
		: null;
	await store.audit.record(by, 'workspace.seed', options.sample ? 'sample' : 'empty', {
		accounts: workspace.accounts.length,
		...(options.sample && { language: options.language ?? 'en' }),
		...(usage && { events: usage.events })
	});
	return true;
}

/**
 * The sample's size: `SCORECRAFT_SAMPLE_ACCOUNTS` (10 to 100,000) when set, for a demo or a test
 * that wants a smaller team workspace; else the generator's own (2,000).
 */
export function sampleAccounts(env: NodeJS.ProcessEnv = process.env): number | undefined {
	const set = Number(env.SCORECRAFT_SAMPLE_ACCOUNTS);
	return Number.isInteger(set) && set >= 10 && set <= 100_000 ? set : undefined;
}
