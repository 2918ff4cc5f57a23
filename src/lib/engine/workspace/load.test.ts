import { describe, expect, it } from 'vitest';
import { exampleWorkspace } from '../../../../tests/support/workspace';
import { parseWorkspace } from './load';

/** The example with one change made by `edit`, and the errors it gets. */
function errorsAfter(
	edit: (workspace: ReturnType<typeof exampleWorkspace> & Record<string, unknown>) => void
) {
	const workspace = exampleWorkspace() as ReturnType<typeof exampleWorkspace> &
		Record<string, unknown>;
	edit(workspace);
	const result = parseWorkspace(workspace);
	if (result.ok) throw new Error('expected the workspace to be refused');
	return result.errors.map((error) => `${error.path}: ${error.message}`);
}

describe('parseWorkspace', () => {
	it('loads the example workspace as it is', () => {
		const result = parseWorkspace(exampleWorkspace());
		expect(result.ok).toBe(true);
	});

	it('names the path and the allowed values of a bad scoring type', () => {
		expect(
			errorsAfter((w) => {
				(w.scorecards[0]!.groups[1]!.measures[0]!.scoring as { type: string }).type = 'curve';
			})
		).toEqual([
			'scorecards[0].groups[1].measures[0].scoring.type: expected one of steps, linear, map, logic'
		]);
	});

	it('reports an unknown JSON-logic operator at load time, with its path inside the rule', () => {
		expect(
			errorsAfter((w) => {
				w.scorecards[0]!.groups[0]!.measures[0]!.value = {
					'/': [{ frobnicate: [1] }, { var: 'seats_purchased' }]
				};
			})
		).toEqual([
			'scorecards[0].groups[0].measures[0].value["/"][0].frobnicate: unknown JSON-logic operator "frobnicate"'
		]);
		expect(
			errorsAfter((w) => {
				w.plays[0]!.when = { and: [true, { nope: [] }] };
			})
		).toEqual(['plays[0].when.and[1].nope: unknown JSON-logic operator "nope"']);
	});

	it('refuses a var path naming __proto__, constructor or prototype', () => {
		expect(
			errorsAfter((w) => {
				w.scorecards[0]!.applies_to = { '==': [{ var: 'segment.constructor' }, 1] };
			})
		).toEqual(['scorecards[0].applies_to["=="][0].var: a var path may not name "constructor"']);
	});

	it('names missing fields, wrong types and bad dates', () => {
		expect(
			errorsAfter((w) => {
				delete (w.accounts[0] as Partial<(typeof w.accounts)[0]>).name;
				(w.accounts[1] as Record<string, unknown>).arr = 'lots';
				w.snapshots[0]!.date = '2026-02-30';
			})
		).toEqual([
			'accounts[0].name: required: expected string',
			'accounts[1].arr: expected number, got the string "lots"',
			'snapshots[0].date: no such date: "2026-02-30"'
		]);
	});

	it('refuses a workspace from a newer version with a clear message', () => {
		expect(errorsAfter((w) => ((w as Record<string, unknown>).version = 2))).toEqual([
			'version: this workspace is version 2, newer than this Scorecraft reads (1); update Scorecraft to open it'
		]);
	});

	it('refuses another kind of file', () => {
		expect(errorsAfter((w) => ((w as Record<string, unknown>).format = 'something-else'))).toEqual([
			'format: expected "scorecraft-workspace"'
		]);
		expect(parseWorkspace([1, 2])).toMatchObject({
			ok: false,
			errors: [{ path: '(root)', message: 'expected a JSON object' }]
		});
	});

	it('reports duplicate ids and references to unknown accounts', () => {
		expect(
			errorsAfter((w) => {
				w.accounts[1]!.id = 'acme';
			})
		).toEqual([
			'accounts[1].id: duplicate account id "acme" (first at accounts[0].id)',
			'contacts[1].account_id: unknown account "globex"',
			'snapshots[1].account_id: unknown account "globex"'
		]);
	});

	it('refuses a measure id used twice in one scorecard, even in different groups', () => {
		expect(
			errorsAfter((w) => {
				w.scorecards[0]!.groups[1]!.measures[0]!.id = 'seat_penetration';
			})
		).toEqual([
			'scorecards[0].groups[1].measures[0].id: duplicate measure id "seat_penetration" (first at scorecards[0].groups[0].measures[0].id)'
		]);
	});

	it('refuses group and measure ids that cannot be keys of a score', () => {
		expect(
			errorsAfter((w) => {
				w.scorecards[0]!.groups[0]!.id = '__proto__';
				w.scorecards[0]!.groups[1]!.measures[0]!.id = 'active.days';
			})
		).toEqual([
			'scorecards[0].groups[0].id: this id is reserved',
			'scorecards[0].groups[1].measures[0].id: expected an id of letters, digits, "_" or "-", starting with a letter or "_"'
		]);
	});

	it('checks steps, points and weights', () => {
		expect(
			errorsAfter((w) => {
				const [deployment, adoption] = w.scorecards[0]!.groups;
				deployment!.weight = -1;
				(deployment!.measures[0]!.scoring as { steps: unknown[] }).steps.push({
					min: 0.1,
					max: 0.2,
					score: 5
				});
				(adoption!.measures[0]!.scoring as { points: unknown[] }).points = [
					[10, 0],
					[5, 50]
				];
			})
		).toEqual([
			'scorecards[0].groups[0].weight: expected >= 0',
			'scorecards[0].groups[0].measures[0].scoring.steps[3]: expected a step with either "min" or "max"',
			'scorecards[0].groups[1].measures[0].scoring.points: expected points in increasing order of value'
		]);
	});

	it('checks the kept versions, the drafts and the manual entries like the rest', () => {
		expect(
			errorsAfter((w) => {
				const card = structuredClone(w.scorecards[0]!);
				w.scorecard_versions = [
					{
						scorecard_id: 'scale',
						version: 1,
						published_at: '2026-11-01T10:00:00Z',
						published_by: 'kim',
						scorecard: { ...card, applies_to: { nope: [] } }
					}
				];
				w.scorecard_drafts = [
					{ scorecard_id: 'other', updated_at: '2026-11-02T10:00:00Z', scorecard: card }
				];
				w.manual_entries = [
					{
						account_id: 'acme',
						measure_id: 'relationship',
						value: 80,
						entered_by: 'kim',
						entered_at: '2026-11-01T09:00:00Z'
					},
					{
						account_id: 'ghost',
						measure_id: 'relationship',
						value: 80,
						entered_by: 'kim',
						entered_at: '2026-11-01T09:00:00Z'
					}
				];
			})
		).toEqual([
			'scorecard_versions[0].scorecard.applies_to.nope: unknown JSON-logic operator "nope"',
			'manual_entries[1].account_id: unknown account "ghost"',
			'scorecard_drafts[0].scorecard.id: expected "other", the scorecard_id it is kept under'
		]);
	});

	it('keeps fields it does not know, so nothing is lost on the way through', () => {
		const workspace = exampleWorkspace() as unknown as Record<string, unknown> & {
			accounts: Record<string, unknown>[];
		};
		workspace.accounts[0]!.health_notes = 'renewal call booked';
		workspace.custom_section = { kept: true };
		const result = parseWorkspace(workspace);
		expect(result.ok && result.value).toEqual(workspace);
	});

	it('refuses links in settings that are not web addresses, naming the field', () => {
		expect(
			errorsAfter((w) => {
				w.settings = {
					training_url: 'javascript:alert(document.cookie)',
					community_url: ' JaVaScRiPt:alert(1)',
					help_url: 'data:text/html,<script>alert(1)</script>',
					sender_postal_address: '1 Main Street\r\nBcc: x@evil.example'
				};
			})
		).toEqual([
			'settings.sender_postal_address: control characters (CR/LF) are refused',
			'settings.training_url: javascript: links are refused: expected a web address starting with https:// or http://',
			'settings.community_url: javascript: links are refused: expected a web address starting with https:// or http://',
			'settings.help_url: data: links are refused: expected a web address starting with https:// or http://'
		]);
	});

	it('keeps the sender keys valid: web links, empty ones, and footer text', () => {
		const workspace = exampleWorkspace();
		workspace.settings = {
			sender_name: 'Acme Customer Success',
			sender_postal_address: 'Acme Inc. · 1 Main Street · Springfield',
			training_url: 'https://acme.example/training?utm_source=email',
			community_url: 'http://community.acme.example',
			help_url: ''
		};
		expect(parseWorkspace(workspace).ok).toBe(true);
	});
});
