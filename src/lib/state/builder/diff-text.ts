/** The changes between two scorecard versions in words, e.g. "Adoption weight 50 → 70". */
import type { Logic } from '$lib/engine';
import { formatNumber } from '$lib/i18n/format';
import { t } from '$lib/i18n/messages';
import type { Change } from './diff';

/** Long rules are cut: the JSON view shows them whole. */
const LOGIC_CHARS = 80;

export function formatLogic(logic: Logic | undefined): string {
	if (logic === undefined) return t('builder.diff.none');
	const text = JSON.stringify(logic);
	return text.length > LOGIC_CHARS ? `${text.slice(0, LOGIC_CHARS - 1)}…` : text;
}

/** A step as the scoring editor shows it: "≥ 0.8 → 95", "≤ 7 → 70". */
export function formatStep(step: { min?: number; max?: number; score: number }): string {
	const bound =
		step.min !== undefined ? `≥ ${formatNumber(step.min)}` : `≤ ${formatNumber(step.max ?? 0)}`;
	return `${bound} → ${formatNumber(step.score)}`;
}

function formatDetail(value: unknown): string {
	if (Array.isArray(value) && value.every((p) => Array.isArray(p) && p.length === 2))
		return (value as [number, number][])
			.map(([x, y]) => `(${formatNumber(x)}, ${formatNumber(y)})`)
			.join(' ');
	if (
		value &&
		typeof value === 'object' &&
		!Array.isArray(value) &&
		Object.values(value).every((v) => typeof v === 'number')
	)
		return Object.entries(value as Record<string, number>)
			.map(([key, score]) => `${key} → ${formatNumber(score)}`)
			.join(', ');
	return formatLogic(value as Logic);
}

function formatOption(option: string, value: unknown): string {
	if (value === undefined) return t('builder.diff.none');
	if (option === 'missing') {
		const policy = value as { policy: string; score?: number; max_days?: number };
		if (policy.policy === 'score') return t('builder.missing.score', { score: policy.score ?? 0 });
		if (policy.policy === 'last_known')
			return t('builder.missing.lastKnown', { days: policy.max_days ?? 0 });
		return t('builder.missing.leaveOut');
	}
	if (option === 'manual')
		return t('builder.diff.manual', { days: (value as { validity_days: number }).validity_days });
	if (option === 'decay')
		return t('builder.diff.decay', { periods: (value as { periods?: number }).periods ?? 6 });
	return String(value);
}

const num = (value: number | undefined) =>
	value === undefined ? t('builder.diff.none') : formatNumber(value);

export function describeChange(change: Change): string {
	switch (change.kind) {
		case 'name':
			return t('builder.diff.name', { from: change.from, to: change.to });
		case 'description':
			return t('builder.diff.description');
		case 'priority':
			return t('builder.diff.priority', { from: num(change.from), to: num(change.to) });
		case 'appliesTo':
			return t('builder.diff.appliesTo', {
				from: formatLogic(change.from),
				to: formatLogic(change.to)
			});
		case 'bandAdded':
			return t('builder.diff.bandAdded', {
				band: change.band.name,
				min: formatNumber(change.band.min)
			});
		case 'bandRemoved':
			return t('builder.diff.bandRemoved', { band: change.band.name });
		case 'bandRenamed':
			return t('builder.diff.bandRenamed', { from: change.from, to: change.to });
		case 'bandMin':
			return t('builder.diff.bandMin', {
				band: change.band,
				from: num(change.from),
				to: num(change.to)
			});
		case 'bandColor':
			return t('builder.diff.bandColor', {
				band: change.band,
				from: change.from ?? t('builder.diff.none'),
				to: change.to ?? t('builder.diff.none')
			});
		case 'groupAdded':
			return t('builder.diff.groupAdded', { group: change.group });
		case 'groupRemoved':
			return t('builder.diff.groupRemoved', { group: change.group });
		case 'groupRenamed':
			return t('builder.diff.groupRenamed', { from: change.from, to: change.to });
		case 'groupId':
			return t('builder.diff.groupId', { group: change.group, from: change.from, to: change.to });
		case 'groupWeight':
			return t('builder.diff.weight', {
				item: change.group,
				from: num(change.from),
				to: num(change.to)
			});
		case 'groupsReordered':
			return t('builder.diff.groupsReordered', { order: change.order.join(', ') });
		case 'measureAdded':
			return t('builder.diff.measureAdded', { measure: change.measure, group: change.group });
		case 'measureRemoved':
			return t('builder.diff.measureRemoved', { measure: change.measure, group: change.group });
		case 'measureMoved':
			return t('builder.diff.measureMoved', {
				measure: change.measure,
				from: change.from,
				to: change.to
			});
		case 'measuresReordered':
			return t('builder.diff.measuresReordered', {
				group: change.group,
				order: change.order.join(', ')
			});
		case 'measureRenamed':
			return t('builder.diff.measureRenamed', { from: change.from, to: change.to });
		case 'measureId':
			return t('builder.diff.measureId', {
				measure: change.measure,
				from: change.from,
				to: change.to
			});
		case 'measureWeight':
			return t('builder.diff.weight', {
				item: change.measure,
				from: num(change.from),
				to: num(change.to)
			});
		case 'measureValue':
			return t('builder.diff.value', {
				measure: change.measure,
				from: formatLogic(change.from),
				to: formatLogic(change.to)
			});
		case 'scoringType':
			return t('builder.diff.scoringType', {
				measure: change.measure,
				from: change.from,
				to: change.to
			});
		case 'stepChanged':
			return t('builder.diff.stepChanged', {
				measure: change.measure,
				from: formatStep(change.from),
				to: formatStep(change.to)
			});
		case 'stepAdded':
			return t('builder.diff.stepAdded', {
				measure: change.measure,
				step: formatStep(change.step)
			});
		case 'stepRemoved':
			return t('builder.diff.stepRemoved', {
				measure: change.measure,
				step: formatStep(change.step)
			});
		case 'scoringElse':
			return t('builder.diff.else', {
				measure: change.measure,
				from: num(change.from),
				to: num(change.to)
			});
		case 'scoringDetail':
			return t('builder.diff.scoring', {
				measure: change.measure,
				from: formatDetail(change.from),
				to: formatDetail(change.to)
			});
		case 'measureOption':
			if (change.option === 'description')
				return t('builder.diff.measureDescription', { measure: change.measure });
			return t(`builder.diff.option.${change.option}`, {
				measure: change.measure,
				from: formatOption(change.option, change.from),
				to: formatOption(change.option, change.to)
			});
	}
}

/** Every change between two versions, in words. */
export function describeChanges(changes: readonly Change[]): string[] {
	return changes.map(describeChange);
}
