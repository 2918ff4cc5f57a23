import { render, screen } from '@testing-library/svelte';
import { Chart } from 'chart.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import ChartHarness from './ChartHarness.svelte';

/**
 * jsdom has no canvas. Chart.js only needs a 2D context that belongs to its canvas and takes every
 * call, so one that draws nothing lets it build, update and destroy a real chart.
 */
function blankContext(canvas: HTMLCanvasElement): CanvasRenderingContext2D {
	const settings: Record<PropertyKey, unknown> = { canvas };
	return new Proxy(settings, {
		get: (target, key) =>
			key in target ? target[key] : key === 'measureText' ? () => ({ width: 0 }) : () => undefined,
		set: (target, key, value) => {
			target[key] = value;
			return true;
		}
	}) as unknown as CanvasRenderingContext2D;
}

beforeEach(() => {
	const contexts = new WeakMap<HTMLCanvasElement, CanvasRenderingContext2D>();
	vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (
		this: HTMLCanvasElement
	) {
		if (!contexts.has(this)) contexts.set(this, blankContext(this));
		return contexts.get(this)!;
	} as unknown as HTMLCanvasElement['getContext']);
});

afterEach(() => {
	vi.restoreAllMocks();
});

function setup(values: number[]) {
	const view = render(ChartHarness, { values });
	const canvas = screen.getByRole('img', { name: 'Values' }).querySelector('canvas')!;
	return { ...view, canvas, drawn: () => Chart.getChart(canvas) };
}

const charts = () => Object.values(Chart.instances);

describe('the chart attachment', () => {
	it('draws one chart on its canvas', () => {
		const { drawn } = setup([1, 2]);
		expect(charts()).toHaveLength(1);
		expect(drawn()!.data.datasets[0]!.data).toEqual([1, 2]);
		expect(drawn()!.getDatasetMeta(0).data).toHaveLength(2);
	});

	it('redraws the same chart with the new data', async () => {
		const { drawn, rerender } = setup([1, 2]);
		const first = drawn()!;
		await rerender({ values: [10, 20, 30] });
		expect(drawn()).toBe(first);
		expect(charts()).toHaveLength(1);
		expect(first.data.labels).toEqual(['10', '20', '30']);
		expect(first.data.datasets[0]!.data).toEqual([10, 20, 30]);
		// Updated, not only handed the data: three bars, on an axis that reaches the tallest.
		expect(first.getDatasetMeta(0).data).toHaveLength(3);
		expect(first.scales.y!.max).toBeGreaterThanOrEqual(30);
	});

	it('makes a new chart for a new type, destroying the old one', async () => {
		const { drawn, rerender } = setup([1, 2]);
		const bars = drawn()!;
		await rerender({ type: 'line' });
		expect(drawn()).not.toBe(bars);
		expect(drawn()!.config).toMatchObject({ type: 'line' });
		expect(bars.canvas).toBeNull();
		expect(charts()).toHaveLength(1);
	});

	it('destroys the chart when the component goes', () => {
		const { canvas, unmount } = setup([1, 2]);
		const first = Chart.getChart(canvas)!;
		unmount();
		expect(Chart.getChart(canvas)).toBeUndefined();
		expect(first.canvas).toBeNull();
		expect(charts()).toHaveLength(0);
	});

	it('draws nothing where the canvas has no 2D context', () => {
		vi.mocked(HTMLCanvasElement.prototype.getContext).mockReturnValue(null);
		const { drawn } = setup([1, 2]);
		expect(drawn()).toBeUndefined();
		expect(charts()).toHaveLength(0);
	});
});
