import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'react';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);
Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
Chart.defaults.color = '#1f2937';

export interface Series {
  readonly label: string;
  readonly values: readonly number[];
  readonly color: string;
}

/**
 * A bar chart (chart.js on a canvas) with the same figures in a table beneath it, so the
 * numbers are there for screen readers and for anyone who wants them exactly.
 */
export function BarChart({ title, labels, series, stacked = false }: { title: string; labels: readonly string[]; series: readonly Series[]; stacked?: boolean }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<'bar'> | undefined>(undefined);

  useEffect(() => {
    if (canvas.current === null) return;
    chart.current = new Chart(canvas.current, {
      type: 'bar',
      data: { labels: [], datasets: [] },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: { x: { stacked, ticks: { maxRotation: 0, autoSkip: true } }, y: { stacked, beginAtZero: true, ticks: { precision: 0 } } },
        plugins: { legend: { display: series.length > 1, position: 'bottom' } },
      },
    });
    return () => {
      chart.current?.destroy();
      chart.current = undefined;
    };
    // The chart is built once; data changes go through update() below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const c = chart.current;
    if (c === undefined) return;
    c.data.labels = [...labels];
    c.data.datasets = series.map((s) => ({ label: s.label, data: [...s.values], backgroundColor: s.color, borderWidth: 0 }));
    c.update('none');
  }, [labels, series]);

  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <div className="chart-box"><canvas ref={canvas} role="img" aria-label={`${title}: chart; the figures are in the table below`} /></div>
      <details>
        <summary>Figures</summary>
        <table className="list">
          <thead><tr><th scope="col">{' '}</th>{series.map((s) => <th key={s.label} scope="col" className="num">{s.label}</th>)}</tr></thead>
          <tbody>
            {labels.map((label, i) => (
              <tr key={label}><th scope="row">{label}</th>{series.map((s) => <td key={s.label} className="num">{s.values[i] ?? 0}</td>)}</tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
