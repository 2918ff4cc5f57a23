/**
 * Chart.js with only the parts the pages draw (bars and lines), registered once, in the app's
 * quiet look: system font, muted grey text and grid, no animation (numbers that settle at once
 * read calmer than bars that grow). Every chart is drawn through the `chart` attachment below,
 * the one place that makes and destroys a Chart.
 */
import {
	BarController,
	BarElement,
	CategoryScale,
	Chart,
	Legend,
	LinearScale,
	LineController,
	LineElement,
	PointElement,
	Tooltip,
	type ChartConfiguration,
	type ChartType,
	type DefaultDataPoint
} from 'chart.js';
import { untrack } from 'svelte';
import type { Attachment } from 'svelte/attachments';

Chart.register(
	BarController,
	BarElement,
	CategoryScale,
	Legend,
	LinearScale,
	LineController,
	LineElement,
	PointElement,
	Tooltip
);

// The app's own font stack (src/app.css): a canvas does not inherit the page's font.
Chart.defaults.font.family =
	"system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans JP', Arial, sans-serif";
Chart.defaults.font.size = 12;
Chart.defaults.color = '#59636e';
Chart.defaults.borderColor = '#e4e9ee';
Chart.defaults.animation = false;
Chart.defaults.maintainAspectRatio = false;

/** Series colours for lines that are not health bands (groups): distinct, and none a band colour. */
export const SERIES_COLORS = ['#0b5cad', '#8e44ad', '#00897b', '#c2185b', '#6d4c41', '#5c6bc0'];

/**
 * Draws `config` on the canvas it is attached to: `<canvas {@attach chart(() => config)}>`.
 * When what `config` reads changes, the same chart takes the new data and options and redraws
 * without measuring the page again, so dragging a threshold stays smooth. A new chart type gets
 * a new chart: the type's defaults are the chart's own from its start.
 */
export function chart<TType extends ChartType, TData = DefaultDataPoint<TType>, TLabel = unknown>(
	config: () => ChartConfiguration<TType, TData, TLabel>
): Attachment<HTMLCanvasElement> {
	return (canvas) => {
		let drawn: Chart<TType, TData, TLabel> | undefined;
		// An effect of its own, so that a change redraws the chart instead of re-running the
		// attachment, which would destroy it.
		$effect(() => {
			const next = config();
			untrack(() => {
				if (drawn && 'type' in drawn.config && drawn.config.type === next.type) {
					drawn.config.data = next.data;
					drawn.config.options = next.options;
					drawn.update('none');
					return;
				}
				drawn?.destroy();
				// No 2D context (a test's DOM, a browser out of canvas memory): the chart's label and
				// table say what it would show.
				drawn = canvas.getContext('2d') ? new Chart(canvas, next) : undefined;
			});
		});
		return () => drawn?.destroy();
	};
}
