import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart as ChartJs,
  ChartConfiguration,
  DoughnutController,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';

// Only what the dashboard draws, so the bundle stays small.
ChartJs.register(BarController, LineController, DoughnutController, CategoryScale, LinearScale, BarElement, LineElement, PointElement, ArcElement, Legend, Tooltip);
ChartJs.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
ChartJs.defaults.color = '#2b2f33';
ChartJs.defaults.locale = 'da-DK';
// A screenshot or a slow phone should not catch a chart half-drawn.
ChartJs.defaults.animation = false;

/** Colours that stay apart for most colour-blind readers (Okabe–Ito), dark enough on white. */
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#6b6b00', '#000000', '#8c564b'];

/** A Chart.js chart in a canvas that screen readers read as one image with its summary. */
export function Chart({ config, summary, height = 260 }: { config: ChartConfiguration; summary: string; height?: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const chart = new ChartJs(canvas.current!, { ...config, options: { maintainAspectRatio: false, responsive: true, ...config.options } });
    return () => chart.destroy();
  }, [JSON.stringify(config.data)]);
  return (
    <div class="chart" style={{ height: `${height}px` }}>
      <canvas ref={canvas} role="img" aria-label={summary} />
    </div>
  );
}
