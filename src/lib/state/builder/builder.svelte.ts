/**
 * The scorecard being edited: one immutable scorecard at a time, one method per edit, getters for
 * what the page derives from it (shares, validation, the selected measure), and a private undo
 * history of whole scorecards in which edits of one field in a row (typing, dragging a slider)
 * join one step until `seal()`. Until the scorecard is first published, renaming a group or a
 * measure carries its id along (see `edits.ts`); the groups keep stable keys for the page meanwhile.
 */
import { parseScorecard, type Band, type Logic, type Measure, type Scorecard } from '$lib/engine';
import { t } from '$lib/i18n/messages';
import { addBand, bandsOf, removeBand, updateBand } from './bands';
import * as edit from './edits';
import { UndoHistory } from './history.svelte';
import { percentShares, weightOf } from './shares';

export class ScorecardBuilder {
	#scorecard: Scorecard = $state.raw() as Scorecard;
	readonly #history = new UndoHistory<Scorecard>();
	/** The measure shown in the measure editor. */
	#selectedId: string | null = $state(null);
	/** What the last undo or redo did, for a live region: keyboard users hear what changed. */
	announcement = $state('');
	readonly #published: () => boolean;
	/**
	 * A key per group id that stays when the id moves with a rename, so the page keeps the same
	 * elements (and the focus in the name field) while the id changes under it. Never rendered.
	 */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	readonly #groupKeys = new Map<string, string>();
	#nextKey = 0;

	/**
	 * `published` says whether the scorecard has a published version (plays may read its ids then);
	 * by default, whether the scorecard carries a version number.
	 */
	constructor(scorecard: Scorecard, options: { published?: () => boolean } = {}) {
		this.#scorecard = scorecard;
		this.#published = options.published ?? (() => this.#scorecard.version !== undefined);
	}

	/** Whether renaming a group or measure carries its id along: only before the first publication. */
	get idsFollowNames(): boolean {
		return !this.#published();
	}

	/** A key for the group of this id that survives its id changing (for keyed lists). */
	groupKey(id: string): string {
		let key = this.#groupKeys.get(id);
		if (key === undefined) this.#groupKeys.set(id, (key = `group-${this.#nextKey++}`));
		return key;
	}

	#groupIdMoved(from: string, to: string): void {
		if (from === to) return;
		this.#groupKeys.set(to, this.groupKey(from));
		this.#groupKeys.delete(from);
	}

	/**
	 * After a jump from one scorecard to another (undo, redo): a group whose id is new and that
	 * stands where a group now gone stood is that group under another id, and keeps its key.
	 */
	#carryKeys(before: Scorecard, after: Scorecard): void {
		const has = (card: Scorecard, id: string) => card.groups.some((group) => group.id === id);
		after.groups.forEach((group, i) => {
			const old = before.groups[i]?.id;
			if (old === undefined || old === group.id || !this.#groupKeys.has(old)) return;
			if (!has(after, old) && !has(before, group.id)) this.#groupIdMoved(old, group.id);
		});
	}

	get scorecard(): Scorecard {
		return this.#scorecard;
	}

	get canUndo(): boolean {
		return this.#history.canUndo;
	}

	get canRedo(): boolean {
		return this.#history.canRedo;
	}

	/** The edit an undo would take back, or null. */
	get undoLabel(): string | null {
		return this.#history.undoLabel;
	}

	get redoLabel(): string | null {
		return this.#history.redoLabel;
	}

	readonly validation = $derived(parseScorecard(this.#scorecard));

	get valid(): boolean {
		return this.validation.ok;
	}

	/** Each group's share of the overall score in whole percent, adding up to 100. */
	readonly groupShares: number[] = $derived(
		percentShares(this.#scorecard.groups.map((group) => weightOf(group)))
	);

	/** Each measure's share of its group in whole percent, adding up to 100 per group. */
	readonly measureShares: Record<string, number[]> = $derived(
		Object.fromEntries(
			this.#scorecard.groups.map((group) => [
				group.id,
				percentShares(group.measures.map((measure) => weightOf(measure)))
			])
		)
	);

	get selectedId(): string | null {
		return this.#selectedId;
	}

	/** The measure shown in the measure editor, with its group; null when none is. */
	get selected(): ReturnType<typeof edit.findMeasure> {
		return this.#selectedId === null ? null : edit.findMeasure(this.#scorecard, this.#selectedId);
	}

	select(id: string | null): void {
		this.#selectedId = id;
	}

	/** Starts over on another scorecard (a reload, a discarded draft): no history to undo into. */
	load(scorecard: Scorecard): void {
		this.#scorecard = scorecard;
		this.#history.clear();
		if (this.#selectedId !== null && !edit.findMeasure(scorecard, this.#selectedId))
			this.#selectedId = null;
	}

	/**
	 * The same scorecard as stored after publishing (with its new version and status): not an
	 * edit, so the history stays as it was.
	 */
	rebase(scorecard: Scorecard): void {
		this.#scorecard = scorecard;
		this.#history.seal();
	}

	/** Ends the current undo step: the next edit of the same field is a step of its own. */
	seal(): void {
		this.#history.seal();
	}

	undo(): void {
		const step = this.#history.undo(this.#scorecard);
		if (!step) return;
		this.#restore(step.value);
		this.announcement = t('builder.undone', { edit: step.label });
	}

	redo(): void {
		const step = this.#history.redo(this.#scorecard);
		if (!step) return;
		this.#restore(step.value);
		this.announcement = t('builder.redone', { edit: step.label });
	}

	#restore(scorecard: Scorecard): void {
		this.#carryKeys(this.#scorecard, scorecard);
		this.#scorecard = scorecard;
		if (this.#selectedId !== null && !edit.findMeasure(scorecard, this.#selectedId))
			this.#selectedId = null;
	}

	/** Records an edit; false when it changed nothing. `joins` names the field for joining. */
	#apply(next: Scorecard, label: string, joins: string | null = null): boolean {
		if (next === this.#scorecard) return false;
		this.#history.record(this.#scorecard, label, joins);
		this.#scorecard = next;
		return true;
	}

	#groupName(id: string): string {
		return this.#scorecard.groups.find((group) => group.id === id)?.name ?? id;
	}

	#measureName(id: string): string {
		return edit.findMeasure(this.#scorecard, id)?.measure.name ?? id;
	}

	rename(name: string): void {
		this.#apply(edit.updateScorecard(this.#scorecard, { name }), t('builder.edit.name'), 'name');
	}

	setDescription(description: string): void {
		this.#apply(
			edit.updateScorecard(this.#scorecard, { description: description || undefined }),
			t('builder.edit.description'),
			'description'
		);
	}

	setPriority(priority: number | undefined): void {
		if (priority === this.#scorecard.priority) return;
		this.#apply(
			edit.updateScorecard(this.#scorecard, { priority }),
			t('builder.edit.priority'),
			'priority'
		);
	}

	/** The segment condition; undefined applies the scorecard to every account. */
	setAppliesTo(condition: Logic | undefined): void {
		if (JSON.stringify(condition) === JSON.stringify(this.#scorecard.applies_to)) return;
		this.#apply(
			edit.updateScorecard(this.#scorecard, { applies_to: condition }),
			t('builder.edit.appliesTo'),
			'applies_to'
		);
	}

	addGroup(name: string): string {
		const { scorecard, id } = edit.addGroup(this.#scorecard, name);
		this.#apply(scorecard, t('builder.edit.addGroup', { group: name }));
		return id;
	}

	#groupIndex(id: string): number {
		return this.#scorecard.groups.findIndex((group) => group.id === id);
	}

	/**
	 * Renames a group and returns its id, which follows the name before the first publication.
	 * Typing joins one undo step, by the group's place (its id may change with every key).
	 */
	renameGroup(id: string, name: string): string {
		const label = t('builder.edit.renameGroup', { group: this.#groupName(id) });
		const joins = `group-name:${this.#groupIndex(id)}`;
		const renamed = edit.renameGroup(this.#scorecard, id, name, {
			followId: this.idsFollowNames
		});
		if (this.#apply(renamed.scorecard, label, joins)) this.#groupIdMoved(id, renamed.id);
		return renamed.id;
	}

	/** Gives a group an id typed by a person; false when it is not valid or is taken. */
	setGroupId(id: string, next: string): boolean {
		const label = t('builder.edit.groupId', { group: this.#groupName(id) });
		const joins = `group-id:${this.#groupIndex(id)}`;
		const applied = this.#apply(edit.setGroupId(this.#scorecard, id, next), label, joins);
		if (applied) this.#groupIdMoved(id, next);
		return applied;
	}

	setGroupWeight(id: string, weight: number): void {
		if (!Number.isFinite(weight) || weight < 0) return;
		const label = t('builder.edit.groupWeight', { group: this.#groupName(id) });
		this.#apply(edit.setGroupWeight(this.#scorecard, id, weight), label, `group-weight:${id}`);
	}

	moveGroup(id: string, delta: number): void {
		const label = t('builder.edit.moveGroup', { group: this.#groupName(id) });
		this.#apply(edit.moveGroup(this.#scorecard, id, delta), label);
	}

	removeGroup(id: string): void {
		const label = t('builder.edit.removeGroup', { group: this.#groupName(id) });
		this.#apply(edit.removeGroup(this.#scorecard, id), label);
	}

	/**
	 * Lays out measures as a drag and drop left them (see `arrangeMeasures`); new measures are
	 * selected, so the measure editor shows what was just added. `moved` names the measure that
	 * was dragged, for the undo label. Returns the new measures' ids.
	 */
	arrange(
		layout: Readonly<Record<string, readonly edit.Placement[]>>,
		options: { moved?: string; joins?: string } = {}
	): string[] {
		const { scorecard, added } = edit.arrangeMeasures(this.#scorecard, layout);
		const label =
			added.length > 0
				? t('builder.edit.addMeasure', {
						measure: edit.findMeasure(scorecard, added[0]!)?.measure.name ?? added[0]!
					})
				: t('builder.edit.moveMeasure', {
						measure: options.moved ? this.#measureName(options.moved) : ''
					});
		if (this.#apply(scorecard, label, options.joins ?? null) && added.length > 0)
			this.select(added[0]!);
		return added;
	}

	addMeasure(groupId: string, measure: Measure): string | null {
		const { scorecard, id } = edit.addMeasure(this.#scorecard, groupId, measure);
		if (id === null) return null;
		this.#apply(scorecard, t('builder.edit.addMeasure', { measure: measure.name }));
		this.select(id);
		return id;
	}

	moveMeasure(id: string, groupId: string, index: number): void {
		const label = t('builder.edit.moveMeasure', { measure: this.#measureName(id) });
		this.#apply(edit.moveMeasure(this.#scorecard, id, groupId, index), label);
	}

	removeMeasure(id: string): void {
		const label = t('builder.edit.removeMeasure', { measure: this.#measureName(id) });
		if (this.#apply(edit.removeMeasure(this.#scorecard, id), label) && this.#selectedId === id)
			this.#selectedId = null;
	}

	/** Where a measure is, for joining the edits of one field while its id changes. */
	#measurePlace(id: string): string {
		const found = edit.findMeasure(this.#scorecard, id);
		return found ? `${this.#groupIndex(found.group.id)}.${found.index}` : id;
	}

	#measureIdMoved(from: string, to: string): void {
		if (this.#selectedId === from) this.#selectedId = to;
	}

	/** Renames a measure and returns its id, which follows the name before the first publication. */
	renameMeasure(id: string, name: string): string {
		const label = t('builder.edit.renameMeasure', { measure: this.#measureName(id) });
		const joins = `measure-name:${this.#measurePlace(id)}`;
		const renamed = edit.renameMeasure(this.#scorecard, id, name, {
			followId: this.idsFollowNames
		});
		if (this.#apply(renamed.scorecard, label, joins)) this.#measureIdMoved(id, renamed.id);
		return renamed.id;
	}

	/** Gives a measure an id typed by a person; false when it is not valid or is taken. */
	setMeasureId(id: string, next: string): boolean {
		const label = t('builder.edit.measureId', { measure: this.#measureName(id) });
		const joins = `measure-id:${this.#measurePlace(id)}`;
		const applied = this.#apply(edit.setMeasureId(this.#scorecard, id, next), label, joins);
		if (applied) this.#measureIdMoved(id, next);
		return applied;
	}

	setMeasureWeight(id: string, weight: number): void {
		if (!Number.isFinite(weight) || weight < 0) return;
		const label = t('builder.edit.measureWeight', { measure: this.#measureName(id) });
		this.#apply(edit.setMeasureWeight(this.#scorecard, id, weight), label, `measure-weight:${id}`);
	}

	/** A measure edited in the measure editor; edits in a row of the same measure join one step. */
	updateMeasure(id: string, measure: Measure): void {
		const label = t('builder.edit.measure', { measure: this.#measureName(id) });
		const next = edit.replaceMeasure(this.#scorecard, id, measure);
		if (this.#apply(next, label, `measure:${id}`) && this.#selectedId === id)
			this.#selectedId = edit.findMeasure(next, measure.id) ? measure.id : id;
	}

	#setBands(bands: Band[], label: string, joins: string | null = null): void {
		this.#apply(edit.updateScorecard(this.#scorecard, { bands }), label, joins);
	}

	addBand(name: string): void {
		this.#setBands(
			addBand(bandsOf(this.#scorecard), name),
			t('builder.edit.addBand', { band: name })
		);
	}

	updateBand(index: number, patch: Partial<Band>): void {
		const bands = bandsOf(this.#scorecard);
		const band = bands[index];
		if (!band) return;
		const field = Object.keys(patch).join(',');
		this.#setBands(
			updateBand(bands, index, patch),
			t('builder.edit.band', { band: band.name }),
			`band:${index}:${field}`
		);
	}

	removeBand(index: number): void {
		const bands = bandsOf(this.#scorecard);
		const name = bands[index]?.name ?? '';
		this.#setBands(removeBand(bands, index), t('builder.edit.removeBand', { band: name }));
	}

	/** The whole scorecard replaced (JSON pasted or imported); it keeps this scorecard's id. */
	replace(scorecard: Scorecard): void {
		const next = { ...scorecard, id: this.#scorecard.id };
		// The same JSON applied again is no edit (and no undo step).
		if (JSON.stringify(next) === JSON.stringify(this.#scorecard)) return;
		this.#apply(next, t('builder.edit.replace'));
		if (this.#selectedId !== null && !edit.findMeasure(this.#scorecard, this.#selectedId))
			this.#selectedId = null;
	}
}
