import { describe, expect, it } from 'vitest';
import { shippedScorecards } from '$lib/engine/sample';
import { NEW_PLAY_NAME, newPlay, PlayEditor, playIdFrom } from './play-editor.svelte';

describe('a play’s id', () => {
	it('is made from its name, unique among the plays', () => {
		expect(playIdFrom(NEW_PLAY_NAME, [])).toBe('new_play');
		expect(playIdFrom(NEW_PLAY_NAME, ['new_play', 'new_play_2'])).toBe('new_play_3');
		expect(playIdFrom('Scale: training for low Adoption!', [])).toBe(
			'scale_training_for_low_adoption'
		);
		expect(playIdFrom('', [])).toBe('play');
	});

	it('follows the name of a new play until it is set by hand, and is validated', () => {
		const editor = new PlayEditor(newPlay('new_play_2'));
		editor.otherIds = ['new_play', 'scale-training'];
		expect(editor.idFollowsName).toBe(true);
		editor.setName('Training invitation');
		expect(editor.play.id).toBe('training_invitation');
		expect(editor.dirty).toBe(true);

		editor.setId('scale-training');
		expect(editor.validate(shippedScorecards())).toBe(false);
		expect(editor.issuesAt('id')).toMatchObject([
			{ code: 'play_id_taken', message: 'another play already has the id "scale-training"' }
		]);
		editor.setId('Training Invitation');
		editor.validate(shippedScorecards());
		expect(editor.issuesAt('id')[0]?.message).toMatch(/^use lower-case letters/);
		editor.setId('training-invite');
		expect(editor.validate(shippedScorecards())).toBe(true);
		// Set by hand: the name no longer moves it.
		editor.setName('Something else');
		expect(editor.play.id).toBe('training-invite');
	});

	it('of a play with another name stays put, and once runs used it cannot change', () => {
		const editor = new PlayEditor({ ...newPlay('scale-training'), name: 'Scale training' });
		expect(editor.idFollowsName).toBe(false);
		editor.setName('Renamed');
		expect(editor.play.id).toBe('scale-training');
		editor.hasRuns = true;
		expect(editor.idEditable).toBe(false);
		editor.setId('other');
		expect(editor.play.id).toBe('scale-training');
	});
});
