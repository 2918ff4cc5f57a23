// @vitest-environment node
/**
 * The feature catalogue's API (`/api/catalogue`): who may read and who may change it, a feature and
 * a rule made by ops, a bad rule refused with what is wrong, the usage settings saved and read
 * back, and an event seen first unmapped, then mapped once a rule names it. Each request goes
 * through the route table first, as the server's hook does (tested with real sessions in
 * `src/lib/server/auth/routes.test.ts`), then to the handler.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorize, type Caller } from '$lib/server/auth/access';
import { actorOf } from '$lib/server/auth/caller';
import type { Feature, FeatureRule, SeenEvent } from '$lib/server/store/feature-catalogue';
import type { Store } from '$lib/server/store/store';
import { call, freshServerEnv, TEST_OWNER } from '../../../../tests/support/api';

type Handler = Parameters<typeof call>[0];

let routes: {
	catalogue: typeof import('./+server');
	features: typeof import('./features/+server');
	feature: typeof import('./features/[id]/+server');
	rules: typeof import('./rules/+server');
	rule: typeof import('./rules/[id]/+server');
	settings: typeof import('./settings/+server');
};
let store: Store;

const person = (role: Caller['role'], n: number): Caller => ({
	...TEST_OWNER,
	id: `00000000-0000-4000-8000-00000000030${n}`,
	email: `${role}@app.example`,
	role
});
const OPS = person('ops', 1);

interface Asked {
	as?: Caller;
	body?: unknown;
	params?: Record<string, string>;
}

/** `method routeId` as `as` (ops unless given): refused as the route table says, else handled. */
async function ask(method: string, routeId: string, handler: Handler, asked: Asked = {}) {
	const caller = asked.as ?? OPS;
	const decision = authorize(method, routeId, caller);
	if (!decision.allowed) return { status: decision.status, body: { error: decision.reason } };
	const path = routeId.replace(/\[(\w+)\]/g, (_, name: string) => asked.params?.[name] ?? name);
	const response = await call(handler, path, {
		method,
		caller,
		params: asked.params,
		body:
			asked.body === undefined
				? undefined
				: typeof asked.body === 'string'
					? asked.body
					: JSON.stringify(asked.body)
	});
	return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const read = (as?: Caller) => ask('GET', '/api/catalogue', routes.catalogue.GET, { as });
const addFeature = (body: unknown, as?: Caller) =>
	ask('POST', '/api/catalogue/features', routes.features.POST, { body, as });
const addRule = (body: unknown, as?: Caller) =>
	ask('POST', '/api/catalogue/rules', routes.rules.POST, { body, as });
const saveSettings = (body: unknown, as?: Caller) =>
	ask('PUT', '/api/catalogue/settings', routes.settings.PUT, { body, as });

beforeAll(async () => {
	freshServerEnv();
	routes = {
		catalogue: await import('./+server'),
		features: await import('./features/+server'),
		feature: await import('./features/[id]/+server'),
		rules: await import('./rules/+server'),
		rule: await import('./rules/[id]/+server'),
		settings: await import('./settings/+server')
	};
	({ store } = await (await import('$lib/server/mail/server')).mailServer());
});

afterAll(async () => {
	await (await import('$lib/server/mail/service')).resetMailService();
});

describe('/api/catalogue', () => {
	it('lets a viewer and a CSM read the catalogue, and refuses them every change', async () => {
		for (const as of [person('viewer', 2), person('csm', 3)]) {
			const answer = await read(as);
			expect(answer.status, as.role).toBe(200);
			expect(answer.body).toMatchObject({ features: [], rules: [], last_rollup: null });
			const refused = [
				await addFeature({ name: 'Reports' }, as),
				await addRule({ event: 'Report Exported', completion: true }, as),
				await saveSettings({ dormant_days: 90, power_user_days: 10, power_user_breadth: 0.3 }, as),
				await ask('DELETE', '/api/catalogue/features/[id]', routes.feature.DELETE, {
					as,
					params: { id: 'reports' }
				}),
				await ask('DELETE', '/api/catalogue/rules/[id]', routes.rule.DELETE, {
					as,
					params: { id: '00000000-0000-4000-8000-000000000000' }
				})
			];
			for (const answer of refused) expect(answer, as.role).toMatchObject({ status: 403 });
		}
		expect((await read()).body).toMatchObject({ features: [], rules: [] });
	});

	it('makes a feature and a rule for ops, and audits both', async () => {
		const made = await addFeature({ name: 'Report builder', advanced: true });
		expect(made).toEqual({
			status: 201,
			body: {
				feature: {
					id: 'report_builder',
					name: 'Report builder',
					advanced: true,
					integration: false
				}
			}
		});
		const rule = await addRule({
			event: 'Report Exported',
			property: 'format',
			value: 'pdf',
			feature_id: 'report_builder'
		});
		expect(rule).toMatchObject({
			status: 201,
			body: {
				rule: {
					event: 'Report Exported',
					property: 'format',
					value: 'pdf',
					feature_id: 'report_builder',
					completion: false
				}
			}
		});
		const { features, rules } = (await read()).body as {
			features: Feature[];
			rules: FeatureRule[];
		};
		expect(features.map((feature) => feature.id)).toEqual(['report_builder']);
		expect(rules).toEqual([(rule.body as { rule: FeatureRule }).rule]);

		const [saved] = await store.audit.list({ action: 'catalogue.feature_save' });
		expect(saved).toMatchObject({
			actor_email: 'ops@app.example',
			subject: 'report_builder',
			detail: { name: 'Report builder', advanced: true, integration: false }
		});
		const [ruled] = await store.audit.list({ action: 'catalogue.rule_save' });
		expect(ruled).toMatchObject({
			subject: (rule.body as { rule: FeatureRule }).rule.id,
			detail: { event: 'Report Exported', property: 'format', value: 'pdf' }
		});
	});

	it('refuses a bad rule, feature or body with what is wrong, and a missing one with 404', async () => {
		expect(await addRule({ event: 'Login', property: 'method' })).toEqual({
			status: 400,
			body: { error: 'a rule names a property and its value, or neither' }
		});
		expect(await addRule({ event: 'Login' })).toEqual({
			status: 400,
			body: { error: 'a rule maps its events to a feature, marks them completions, or both' }
		});
		expect(await addRule({ event: 'Login', feature_id: 'nothing' })).toEqual({
			status: 400,
			body: { error: 'there is no feature "nothing"' }
		});
		expect(await addFeature({ name: '  ' })).toEqual({
			status: 400,
			body: { error: 'a feature’s name is required' }
		});
		expect(await addRule('{"event":')).toEqual({
			status: 400,
			body: { error: 'expected a JSON body' }
		});
		expect(await addRule(['Login'])).toEqual({
			status: 400,
			body: { error: 'expected a JSON object' }
		});
		const gone = { params: { id: 'no_such_feature' } };
		expect(
			await ask('DELETE', '/api/catalogue/features/[id]', routes.feature.DELETE, gone)
		).toEqual({ status: 404, body: { error: 'no such feature' } });
		expect(
			await ask('DELETE', '/api/catalogue/rules/[id]', routes.rule.DELETE, {
				params: { id: 'not-a-uuid' }
			})
		).toEqual({ status: 404, body: { error: 'no such rule' } });
	});

	it('saves the usage settings and reads them back; refuses them out of range', async () => {
		expect((await read()).body.settings).toEqual({
			dormant_days: 180,
			power_user_days: 20,
			power_user_breadth: 0.5
		});
		const settings = { dormant_days: 90, power_user_days: 12, power_user_breadth: 0.4 };
		expect(await saveSettings(settings)).toEqual({ status: 200, body: { settings } });
		expect((await read(person('viewer', 4))).body.settings).toEqual(settings);
		expect(await saveSettings({ ...settings, power_user_days: 31 })).toEqual({
			status: 400,
			body: { error: 'a power user’s active days must be a whole number from 1 to 30' }
		});
		const [entry] = await store.audit.list({ action: 'catalogue.settings' });
		expect(entry).toMatchObject({ subject: null, detail: settings });
	});

	it('lists an event seen as unmapped, mapped once a rule names it, and unmapped again', async () => {
		const { source } = await store.eventSources.create('Backend', actorOf(TEST_OWNER));
		const event = (messageId: string, timestamp: string) => ({
			message_id: messageId,
			type: 'track' as const,
			user_id: 'u-1',
			anonymous_id: null,
			group_id: 'acme',
			event: 'Dashboard Shared',
			properties: null,
			traits: null,
			timestamp
		});
		await store.productEvents.store(source.id, [
			event('s-1', '2026-12-01T09:00:00.000Z'),
			event('s-2', '2026-12-02T10:30:00.000Z')
		]);
		const seen = async () =>
			((await read()).body.events as SeenEvent[]).find((each) => each.event === 'Dashboard Shared');
		expect(await seen()).toEqual({
			event: 'Dashboard Shared',
			type: 'track',
			count: 2,
			last_seen: '2026-12-02T10:30:00.000Z',
			mapped: false
		});

		await addFeature({ id: 'sharing', name: 'Sharing', integration: true });
		const { body } = await addRule({ event: 'Dashboard Shared', feature_id: 'sharing' });
		expect(await seen()).toMatchObject({ count: 2, mapped: true });

		// Deleting the feature takes its rules with it.
		expect(
			await ask('DELETE', '/api/catalogue/features/[id]', routes.feature.DELETE, {
				params: { id: 'sharing' }
			})
		).toEqual({ status: 200, body: { deleted: true } });
		expect(await seen()).toMatchObject({ mapped: false });
		const ruleId = (body as { rule: FeatureRule }).rule.id;
		expect(
			await ask('DELETE', '/api/catalogue/rules/[id]', routes.rule.DELETE, {
				params: { id: ruleId }
			})
		).toEqual({ status: 404, body: { error: 'no such rule' } });

		await addRule({ event: 'Dashboard Shared', completion: true });
		const completion = ((await read()).body.rules as FeatureRule[]).find(
			(rule) => rule.event === 'Dashboard Shared'
		)!;
		expect(
			await ask('DELETE', '/api/catalogue/rules/[id]', routes.rule.DELETE, {
				params: { id: completion.id }
			})
		).toEqual({ status: 200, body: { deleted: true } });
		expect(await seen()).toMatchObject({ mapped: false });
		const [entry] = await store.audit.list({ action: 'catalogue.rule_delete' });
		expect(entry).toMatchObject({
			subject: completion.id,
			detail: { event: 'Dashboard Shared', completion: true }
		});
	});
});
