import { describe, expect, it } from 'vitest';
import type { Contact, Snapshot } from '$lib/engine';
import { guessMapping } from './mapping';
import { knownContactsOf, rollUpAnswers, type SurveyAnswer } from './surveys';
import { expectRowErrors } from './testing';
import { validateRows } from './validate';

const people = new Map<string, Contact>([
	['ana', { id: 'ana', account_id: 'acme', email: 'ana@acme.example' }],
	['raj', { id: 'raj', account_id: 'acme', email: 'raj@acme.example', metrics: { logins: 3 } }],
	['bo', { id: 'bo', account_id: 'globex', email: 'bo@globex.example' }]
]);

const weekly: Snapshot[] = [
	{ account_id: 'acme', date: '2026-10-05', metrics: { seats_active: 10 } },
	{ account_id: 'acme', date: '2026-10-12', metrics: { seats_active: 11 } },
	{ account_id: 'acme', date: '2026-10-19', metrics: { seats_active: 12 } },
	{ account_id: 'globex', date: '2026-10-19', metrics: { seats_active: 40 } }
];

describe('survey answers rolled into the accounts’ metrics', () => {
	const answers: SurveyAnswer[] = [
		{ contact: 'raj', date: '2026-10-12', nps: 4, csat: 2 },
		{ contact: 'ana', date: '2026-10-08', nps: 9 },
		{ contact: 'ana', date: '2026-10-15', nps: 10, csat: 5 }
	];
	const { snapshots, contacts } = rollUpAnswers(answers, people, weekly);

	it('gives every snapshot from the first answer on its people’s latest answers, and makes one on a day of answers', () => {
		expect(snapshots).toEqual([
			// Ana's first answer, on a day without a snapshot: the week before's metrics carried.
			{
				account_id: 'acme',
				date: '2026-10-08',
				metrics: { seats_active: 10, nps: 9, nps_detractors: 0, nps_responses: 1 }
			},
			{
				account_id: 'acme',
				date: '2026-10-12',
				metrics: { nps: 6.5, nps_detractors: 1, nps_responses: 2, csat: 2, csat_responses: 1 }
			},
			// Ana's second answer replaces her first.
			{
				account_id: 'acme',
				date: '2026-10-15',
				metrics: {
					seats_active: 11,
					nps: 7,
					nps_detractors: 1,
					nps_responses: 2,
					csat: 3.5,
					csat_responses: 2
				}
			},
			{
				account_id: 'acme',
				date: '2026-10-19',
				metrics: { nps: 7, nps_detractors: 1, nps_responses: 2, csat: 3.5, csat_responses: 2 }
			}
		]);
	});

	it('keeps each person’s latest answers on the person, beside their other metrics', () => {
		expect(contacts).toEqual([
			{ id: 'ana', account_id: 'acme', email: 'ana@acme.example', metrics: { nps: 10, csat: 5 } },
			{
				id: 'raj',
				account_id: 'acme',
				email: 'raj@acme.example',
				metrics: { logins: 3, nps: 4, csat: 2 }
			}
		]);
	});

	it('makes the same figures from the same answers, whatever their order', () => {
		expect(rollUpAnswers([...answers].reverse(), people, [...weekly].reverse())).toEqual({
			snapshots,
			contacts: expect.arrayContaining(contacts)
		});
	});
});

describe('a survey answers file checked row by row', () => {
	const header = ['Respondent Email', 'Submitted At', 'NPS', 'CSAT', 'Verbatim'];
	const mapping = guessMapping('survey_answers', header);

	it('finds the person by id or email, reads the answers on their scales and names what is wrong', () => {
		expect(mapping.map((column) => column.target)).toEqual([
			'contact',
			'date',
			'nps',
			'csat',
			'comment'
		]);
		const checked = validateRows(
			'survey_answers',
			mapping,
			[
				['ana@acme.example', '2026-10-20 14:05:00', '9', '5', 'Love the new reports'],
				['BO@GLOBEX.EXAMPLE', '2026-10-25', '4', '', ''],
				['raj', '2026-11-10', '', '4', ''],
				['nobody@nowhere.example', '2026-11-01', '8', '', ''],
				['ana@acme.example', '2026-11-20', '11', '', ''],
				['bo@globex.example', '2026-11-16', '', '', ''],
				['raj', '2099-01-01', '7', '', '']
			],
			{ knownContacts: knownContactsOf(people.values()), latestDate: '2026-12-04' }
		);
		expect(checked.records).toEqual([
			{ contact: 'ana', date: '2026-10-20', nps: 9, csat: 5, comment: 'Love the new reports' },
			{ contact: 'bo', date: '2026-10-25', nps: 4 },
			{ contact: 'raj', date: '2026-11-10', csat: 4 }
		]);
		expectRowErrors(checked.errors, [
			[5, 'Respondent Email', 'unknown_contact'],
			[6, 'NPS', 'not_on_scale'],
			[7, '', 'no_answer'],
			[8, 'Submitted At', 'after_as_of']
		]);
	});
});
