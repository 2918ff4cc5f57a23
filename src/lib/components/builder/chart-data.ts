/**
 * What the measure editor's chart draws, as plain data: the value → score curve over the histogram
 * of the accounts' raw values, or, for a map, each value's score beside how many accounts have it.
 */
import type { Scoring } from '$lib/engine';
import type { MeasureStats } from '$lib/state/preview/types';
import { curveDomain, scoringCurve, type CurvePoint } from './scoring-curve';

export type ChartData =
	| {
			kind: 'curve';
			/** Null when the score does not depend on the value alone (a rule reading facts). */
			curve: CurvePoint[] | null;
			/** One bar per histogram bin, at the bin's middle, as wide as the bin. */
			bars: { x: number; y: number; width: number }[];
			domain: [number, number];
	  }
	| {
			kind: 'categories';
			labels: string[];
			scores: number[];
			counts: number[];
	  };

/** The categories a map chart shows: those the map lists, then the others seen (scored `else`). */
const MAX_CATEGORIES = 20;

export function chartData(scoring: Scoring, stats: MeasureStats | null): ChartData {
	if (scoring.type === 'map') {
		const counts = new Map(stats?.texts.map((text) => [text.value, text.count]) ?? []);
		const labels = [
			...Object.keys(scoring.map),
			...[...counts.keys()].filter((value) => !Object.hasOwn(scoring.map, value))
		].slice(0, MAX_CATEGORIES);
		return {
			kind: 'categories',
			labels,
			scores: labels.map((label) =>
				Object.hasOwn(scoring.map, label) ? scoring.map[label]! : (scoring.else ?? 0)
			),
			counts: labels.map((label) => counts.get(label) ?? 0)
		};
	}
	const domain = curveDomain(scoring, stats);
	const histogram = stats?.numbers?.histogram;
	const bars = histogram
		? histogram.counts.map((y, i) => {
				const low = histogram.edges[i]!;
				const high = histogram.edges[i + 1]!;
				return { x: (low + high) / 2, y, width: high - low };
			})
		: [];
	return { kind: 'curve', curve: scoringCurve(scoring, domain), bars, domain };
}
