/**
 * Chart.js with only the parts the pages draw (bars and lines), registered once, in the app's
 * quiet look: system font, muted grey text and grid, no animation (numbers that settle at once
 * read calmer than bars that grow).
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
	Tooltip
} from 'chart.js';

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

export { Chart };
