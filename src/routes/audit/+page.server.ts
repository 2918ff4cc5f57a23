/**
 * The audit log (owner only, as the hook's route table says): newest first, a hundred at a time,
 * `?before=<id>` for older ones and `?action=` for one kind of entry.
 */
import { app } from '$lib/server/app';
import { signedIn } from '$lib/server/auth/caller';
import type { PageServerLoad } from './$types';

const PAGE = 100;
/** The filter offers the actions of this many recent entries (the log has no list of its own). */
const RECENT = 500;

const positive = (value: string | null): number | undefined => {
	const number = Number(value);
	return value && Number.isSafeInteger(number) && number > 0 ? number : undefined;
};

export const load: PageServerLoad = async (event) => {
	signedIn(event);
	const { audit } = (await app()).store;
	const params = event.url.searchParams;
	const before = positive(params.get('before'));
	const action = params.get('action')?.trim().slice(0, 100) || undefined;
	const [entries, recent] = await Promise.all([
		audit.list({ limit: PAGE, before, action }),
		audit.list({ limit: RECENT })
	]);
	const actions = [
		...new Set([...recent.map((entry) => entry.action), ...(action ? [action] : [])])
	];
	return {
		entries,
		actions: actions.sort(),
		action: action ?? null,
		paged: before !== undefined,
		older: entries.length === PAGE ? entries.at(-1)!.id : null
	};
};
