import {
	BarController,
	BarElement,
	CategoryScale,
	Chart,
	Filler,
	Legend,
	LinearScale,
	LineElement,
	PointElement,
	RadarController,
	RadialLinearScale,
	Tooltip,
	type ChartConfiguration
} from 'chart.js';
import { whenNearScreen } from '$lib/browser/near-screen';

// Only what the two charts use, so the chunk stays as small as chart.js allows.
Chart.register(
	RadarController,
	BarController,
	RadialLinearScale,
	CategoryScale,
	LinearScale,
	PointElement,
	LineElement,
	BarElement,
	Filler,
	Legend,
	Tooltip
);

/** Okabe–Ito colours: distinguishable with the common forms of colour blindness. */
export const SERIES_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7'] as const;
const DASHES = [[], [6, 4], [2, 3], [10, 3, 2, 3]];

export interface ChartSeries {
	label: string;
	/** Null where a domain has too little evidence to score. */
	values: (number | null)[];
}

const wrapLabel = (label: string, width = 18) => {
	const words = label.split(' ');
	const lines: string[] = [];
	let line = '';
	for (const word of words) {
		if ((line + ' ' + word).trim().length > width && line) {
			lines.push(line);
			line = word;
		} else line = (line + ' ' + word).trim();
	}
	if (line) lines.push(line);
	return lines;
};

export function radarConfig(
	labels: string[],
	series: ChartSeries[],
	animate: boolean
): ChartConfiguration<'radar'> {
	return {
		type: 'radar',
		data: {
			labels: labels.map((l) => wrapLabel(l)),
			datasets: series.map((s, i) => ({
				label: s.label,
				data: s.values,
				borderColor: SERIES_COLOURS[i % SERIES_COLOURS.length],
				backgroundColor: `${SERIES_COLOURS[i % SERIES_COLOURS.length]}22`,
				borderDash: DASHES[i % DASHES.length],
				pointStyle: (['circle', 'rectRot', 'triangle', 'rect'] as const)[i % 4],
				pointRadius: 4,
				borderWidth: 2,
				fill: i === 0,
				spanGaps: false
			}))
		},
		options: {
			animation: animate ? undefined : false,
			responsive: true,
			maintainAspectRatio: false,
			scales: {
				r: {
					min: 0,
					max: 100,
					ticks: { stepSize: 20, backdropColor: 'rgba(255,255,255,0.8)', color: '#333' },
					pointLabels: { font: { size: 12 }, color: '#1b2430' },
					grid: { color: '#c9d3dc' },
					angleLines: { color: '#c9d3dc' }
				}
			},
			plugins: { legend: { display: series.length > 1, labels: { color: '#1b2430' } } }
		}
	};
}

export function barConfig(
	labels: string[],
	series: ChartSeries[],
	animate: boolean
): ChartConfiguration<'bar'> {
	return {
		type: 'bar',
		data: {
			labels: labels.map((l) => wrapLabel(l, 28)),
			datasets: series.map((s, i) => ({
				label: s.label,
				data: s.values,
				backgroundColor: SERIES_COLOURS[i % SERIES_COLOURS.length],
				borderColor: '#1b2430',
				borderWidth: 1
			}))
		},
		options: {
			indexAxis: 'y',
			animation: animate ? undefined : false,
			responsive: true,
			maintainAspectRatio: false,
			scales: {
				x: {
					min: 0,
					max: 100,
					ticks: { color: '#333' },
					title: { display: true, text: 'Score (0–100)', color: '#333' }
				},
				y: { ticks: { color: '#1b2430', autoSkip: false } }
			},
			plugins: { legend: { display: series.length > 1, labels: { color: '#1b2430' } } }
		}
	};
}

/**
 * An attachment that draws a chart on a canvas once the canvas nears the screen (or the page is
 * printed), and tears it down with the element: a chart takes chart.js about 100 ms to lay out, and
 * the results' radar sits below the first screen.
 */
export function chart(config: ChartConfiguration<'radar'> | ChartConfiguration<'bar'>) {
	return (canvas: HTMLCanvasElement) => {
		let instance: Chart | undefined;
		const stop = whenNearScreen(canvas, (why) => {
			// A printout is taken as soon as the page is laid out: a chart drawn for it is drawn whole,
			// not grown in over a second.
			const drawn =
				why === 'print' ? { ...config, options: { ...config.options, animation: false } } : config;
			instance = new Chart(canvas, drawn as ChartConfiguration);
		});
		return () => {
			stop();
			instance?.destroy();
		};
	};
}
