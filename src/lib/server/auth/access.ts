/**
 * Who may call what: every route of the app, with the roles it accepts. The server's hook looks
 * each request up here before any handler runs (`authorize`), so a route missing from the table
 * is refused to everyone; `access.test.ts` checks that every route file is listed.
 *
 * owner: people, roles, sender identity, server settings, the send ledger's failures and the
 * unsubscribe key (and everything else);
 * leader: scorecards (edit, publish); ops: plays, templates, runs, approvals;
 * csm: their accounts' tasks and manual measures, reads the rest; viewer: reads.
 */
import { getLocale, t, type Locale } from '$lib/i18n/messages';
import type { Role } from '../store/people';
import { WRITERS } from '../sync/rights';

/**
 * Anyone, signed in or not: the sign-in and set-up pages, invitations, unsubscribe links, and the
 * events API (its handler checks the source's write key).
 */
export const ANONYMOUS = 'anonymous';
export const SIGNED_IN: readonly Role[] = ['owner', 'leader', 'ops', 'csm', 'viewer'];

type Access = typeof ANONYMOUS | readonly Role[];

const OWNER: readonly Role[] = ['owner'];
const PUBLISHERS: readonly Role[] = ['owner', 'leader', 'ops'];
const OPS: readonly Role[] = ['owner', 'ops'];

/** `METHOD route-id` → who may. Pages answer GET (and their data loads); form actions POST. */
export const ROUTES: Readonly<Record<string, Access>> = {
	// Pages (the app's screens: any signed-in person reads; what they may change is checked by the API).
	'GET /': SIGNED_IN,
	'GET /accounts': SIGNED_IN,
	'GET /accounts/[id]': SIGNED_IN,
	'GET /backtest': SIGNED_IN,
	'GET /data': SIGNED_IN,
	'GET /mailbox': SIGNED_IN,
	'GET /outbox': SIGNED_IN,
	'GET /plays': SIGNED_IN,
	'GET /plays/[id]': SIGNED_IN,
	'GET /scorecards': SIGNED_IN,
	'GET /scorecards/[id]': SIGNED_IN,
	'GET /settings': SIGNED_IN,
	// Each person's own language, remembered for every browser they sign in from.
	'PUT /api/me/locale': SIGNED_IN,
	'GET /sync': SIGNED_IN,
	'GET /tasks': SIGNED_IN,
	'GET /usage': SIGNED_IN,
	'GET /templates': SIGNED_IN,
	'GET /templates/[id]': SIGNED_IN,
	'GET /people': OWNER,
	'POST /people': OWNER,
	'GET /audit': OWNER,
	'GET /deliveries': OWNER,
	'POST /deliveries': OWNER,
	'POST /signout': SIGNED_IN,
	// Signing in and setting up.
	'GET /signin': ANONYMOUS,
	'POST /signin': ANONYMOUS,
	'GET /setup': ANONYMOUS,
	'POST /setup': ANONYMOUS,
	'GET /invite/[token]': ANONYMOUS,
	'POST /invite/[token]': ANONYMOUS,
	// Customers' links: the token is the permission.
	'GET /unsubscribe/[token]': ANONYMOUS,
	'POST /unsubscribe/[token]': ANONYMOUS,
	// The API.
	'GET /api/workspace': SIGNED_IN,
	// The team workspace's sync: anyone reads; what a push may change is checked per record kind.
	'GET /api/sync': SIGNED_IN,
	'POST /api/sync': SIGNED_IN,
	'GET /api/sync/events': SIGNED_IN,
	'PUT /api/workspace': PUBLISHERS,
	// A CSV file of accounts, contacts or snapshots: who may change those records (the same roles
	// for the three; the handler checks the kind's again).
	'POST /api/import/[kind]': WRITERS.snapshots,
	// Backups and starting over: the whole team's workspace at once, the owner's.
	'GET /api/workspace/export': OWNER,
	'POST /api/workspace/sample': OWNER,
	'POST /api/mail/send': OPS,
	'POST /api/mail/test': OPS,
	'POST /api/approvals': OPS,
	'GET /api/mailbox': SIGNED_IN,
	'GET /api/mailbox/[id]': SIGNED_IN,
	'GET /api/runs': SIGNED_IN,
	'POST /api/runs': OPS,
	// Band playbooks: check now for accounts that entered a band and overdue responses.
	'POST /api/sla/check': OPS,
	'GET /api/event-sources': OWNER,
	'POST /api/event-sources': OWNER,
	'DELETE /api/event-sources/[id]': OWNER,
	// The feature catalogue and usage thresholds: anyone reads; owner, leader and ops change them.
	'GET /api/catalogue': SIGNED_IN,
	'POST /api/catalogue/features': PUBLISHERS,
	'DELETE /api/catalogue/features/[id]': PUBLISHERS,
	'POST /api/catalogue/rules': PUBLISHERS,
	'DELETE /api/catalogue/rules/[id]': PUBLISHERS,
	'PUT /api/catalogue/settings': PUBLISHERS,
	// Product usage: roll the events up into the workspace now, or again for past days.
	'POST /api/usage/rollup': PUBLISHERS,
	// A CSV file of past product events, for one source.
	'POST /api/events/import': PUBLISHERS,
	// Product events and support tickets from a source's servers: the write key is the permission.
	'POST /api/v1/[call]': ANONYMOUS,
	'POST /api/v1/tickets': ANONYMOUS,
	// A CSV file of support tickets: those who may change accounts' data.
	'POST /api/tickets/import': PUBLISHERS,
	'GET /api/sender': SIGNED_IN,
	'PUT /api/sender': OWNER,
	'GET /api/unsubscribes': SIGNED_IN,
	'GET /api/ledger': OWNER,
	'POST /api/ledger/retry': OWNER,
	'GET /api/unsubscribe-keys': OWNER,
	'POST /api/unsubscribe-keys/rotate': OWNER,
	'POST /api/webhooks': OPS
};

export interface Caller {
	id: string;
	email: string;
	name: string;
	role: Role;
	/** The language they chose (the header's switch); null: their browser's. */
	locale: Locale | null;
}

export type Decision =
	{ allowed: true } | { allowed: false; status: 401 | 403 | 404; reason: string };

/** Whether `caller` (null: not signed in) may make this request to this route. */
export function authorize(method: string, routeId: string | null, caller: Caller | null): Decision {
	if (routeId === null) return { allowed: false, status: 404, reason: t('server.noSuchPage') };
	const verb = method === 'HEAD' ? 'GET' : method;
	const access = ROUTES[`${verb} ${routeId}`];
	if (access === undefined)
		return { allowed: false, status: 403, reason: t('server.closed', { verb, route: routeId }) };
	if (access === ANONYMOUS) return { allowed: true };
	if (!caller) return { allowed: false, status: 401, reason: t('server.signIn') };
	if (!access.includes(caller.role)) {
		// Roles by their names in the caller's language: "Owner or Leader", "オーナーまたはリーダー".
		const name = (role: Role) => t(`people.role.${role}`);
		const roles = new Intl.ListFormat(getLocale(), { type: 'disjunction' }).format(
			access.map(name)
		);
		return {
			allowed: false,
			status: 403,
			reason: t('server.role', { role: name(caller.role), roles })
		};
	}
	return { allowed: true };
}

/** What each role may change, for the pages to hide what a role cannot do (the API decides). */
export function abilitiesOf(role: Role) {
	const is = (...roles: Role[]) => roles.includes(role);
	return {
		publishScorecards: is('owner', 'leader'),
		editPlays: is('owner', 'ops'),
		runPlays: is('owner', 'ops'),
		approve: is('owner', 'ops'),
		editTasks: is('owner', 'ops', 'csm'),
		/** Accounts, contacts and their history: importing, and giving an account to another CSM. */
		editData: is('owner', 'leader', 'ops'),
		manageTeam: is('owner'),
		editSender: is('owner'),
		readAudit: is('owner'),
		retrySends: is('owner'),
		rotateUnsubscribeKey: is('owner'),
		manageEventSources: is('owner'),
		/** The product's features, the rules mapping events to them, the usage thresholds. */
		editCatalogue: is('owner', 'leader', 'ops'),
		/** Backups, restores, starting over: the whole workspace at once. */
		replaceWorkspace: is('owner')
	};
}

export type Abilities = ReturnType<typeof abilitiesOf>;
