/**
 * Scoring where the browser scores: the app's pages forbid eval, its workers (where the preview,
 * the refresh, the dry run and the backtest score) are served a policy of their own that allows
 * it, and there the engine compiles scorecards to functions that agree with json-logic-js on
 * random scorecards and accounts. The page's own path (closures) is checked as well.
 */
import { readdir } from 'node:fs/promises';
import { describe, expect, inject, it } from 'vitest';
import { WORKER_POLICY, WORKER_SCRIPTS } from '../../csp.js';
import { runPoliced } from '../support/policed-browser';
import type { PropertyRun } from '../support/scoring-properties';

describe('scoring under the production policies', () => {
	it('serves every worker script its own policy, and pages one without eval', async () => {
		const baseURL = inject('baseURL');
		const scripts = (await readdir('build/client/_app/immutable/workers')).filter((name) =>
			name.endsWith('.js')
		);
		// The five workers: backtest, plays plan, preview, refresh, and the CSV import's.
		for (const prefix of [
			'backtest.worker-',
			'plan.worker-',
			'preview.worker-',
			'refresh.worker-',
			'import.worker-'
		])
			expect(scripts.filter((name) => name.startsWith(prefix))).toHaveLength(1);
		for (const name of scripts) {
			const response = await fetch(`${baseURL}${WORKER_SCRIPTS}${name}`);
			await response.body?.cancel();
			expect(response.status).toBe(200);
			expect(response.headers.get('content-security-policy')).toBe(WORKER_POLICY);
		}
		const { cookie } = inject('owner');
		const page = await fetch(`${baseURL}/`, {
			headers: { cookie: `${cookie.name}=${encodeURIComponent(cookie.value)}` }
		});
		expect(await page.text()).toContain('<html');
		const policy = page.headers.get('content-security-policy') ?? '';
		expect(policy).toContain("script-src 'self'");
		expect(policy).not.toContain('unsafe-eval');
	});

	it('compiles to functions in a worker, closures on the page, both agreeing with json-logic-js', async () => {
		const params = { seed: 20261205, cards: 200, accountsPerCard: 25 };
		const run = await runPoliced<PropertyRun & { backend: string }>(
			'./tests/support/scoring-properties.ts',
			params
		);
		expect(run.worker).toEqual({ backend: 'function', compared: 5_000 });
		expect(run.page).toEqual({ backend: 'closure', compared: 5_000 });
	}, 180_000);
});
