// @vitest-environment node
/** The feature catalogue (`./feature-catalogue.ts`) on both databases. */
import { describe, expect, it } from 'vitest';
import { CatalogueError, featureIdOf } from './feature-catalogue';
import { describeStore } from './fixture';

describeStore(({ fresh }) => {
	describe('the feature catalogue', () => {
		it('keeps features, rules and thresholds, and refuses what it cannot keep', async () => {
			const { catalogue } = await fresh();
			expect(featureIdOf('Report builder (beta)')).toBe('report_builder_beta');
			const reports = await catalogue.saveFeature({ name: 'Reports', advanced: true });
			expect(reports).toEqual({
				id: 'reports',
				name: 'Reports',
				advanced: true,
				integration: false
			});
			// A second feature of the same name would take the first one over.
			await expect(catalogue.saveFeature({ name: 'reports' })).rejects.toThrow(
				/has the id reports/
			);
			// Its own id changes it.
			await catalogue.saveFeature({ id: 'reports', name: 'Reporting' });
			expect((await catalogue.features()).map((feature) => feature.name)).toEqual(['Reporting']);

			await catalogue.saveRule({ event: 'Report Built', feature_id: 'reports' });
			const done = await catalogue.saveRule({
				event: 'Report Built',
				property: 'status',
				value: 'shared',
				feature_id: 'reports',
				completion: true
			});
			// The same events again: the rule is replaced, not doubled.
			await catalogue.saveRule({ event: 'Report Built', feature_id: 'reports', completion: false });
			expect((await catalogue.rules()).length).toBe(2);
			await expect(
				catalogue.saveRule({ event: 'Report Built', property: 'status' })
			).rejects.toThrow(CatalogueError);
			await expect(catalogue.saveRule({ event: 'Login' })).rejects.toThrow(
				/a feature, marks them completions, or both/
			);
			await expect(catalogue.saveRule({ event: 'Login', feature_id: 'nope' })).rejects.toThrow(
				/no feature "nope"/
			);

			// Deleting the feature takes its rules, but a completion stays one.
			expect(await catalogue.deleteFeature('reports')).toBe(true);
			expect(await catalogue.rules()).toEqual([{ ...done, feature_id: null, completion: true }]);
			expect(await catalogue.deleteFeature('reports')).toBe(false);

			expect(await catalogue.settings()).toEqual({
				dormant_days: 180,
				power_user_days: 20,
				power_user_breadth: 0.5
			});
			await catalogue.saveSettings({
				dormant_days: 90,
				power_user_days: 12,
				power_user_breadth: 0.4
			});
			expect(await catalogue.settings()).toEqual({
				dormant_days: 90,
				power_user_days: 12,
				power_user_breadth: 0.4
			});
			await expect(
				catalogue.saveSettings({ dormant_days: 0, power_user_days: 12, power_user_breadth: 0.4 })
			).rejects.toThrow(/from 1 to 3650/);
		});
	});
});
