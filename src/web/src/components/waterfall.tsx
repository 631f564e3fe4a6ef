import type { LinkExplanation } from '../api/types.js';
import { fieldLabel } from '../labels.js';

interface Step {
  readonly label: string;
  readonly detail: string;
  readonly from: number;
  readonly to: number;
  readonly total: boolean;
}

const signed = (w: number): string => `${w >= 0 ? '+' : '−'}${Math.abs(w).toFixed(2)}`;

/**
 * Why two records were linked, drawn as a waterfall: from the prior odds, each field's weight
 * (bits) moves the running total up or down, to the final match weight. A table, so it reads
 * the same to a screen reader.
 */
export function Waterfall({ explanation, caption }: { explanation: LinkExplanation; caption: string }) {
  const steps: Step[] = [];
  let running = explanation.priorWeight;
  steps.push({ label: 'Prior', detail: 'odds that two records chosen at random are the same person', from: 0, to: running, total: false });
  for (const f of explanation.fields) {
    const detail = [f.level, f.valueA === undefined && f.valueB === undefined ? undefined : `${f.valueA ?? '—'} · ${f.valueB ?? '—'}`].filter((x) => x !== undefined && x !== '').join(': ');
    steps.push({ label: fieldLabel(f.field), detail, from: running, to: running + f.weight, total: false });
    running += f.weight;
  }
  const final = explanation.matchWeight ?? running;
  steps.push({ label: 'Match weight', detail: explanation.probability === undefined ? '' : `probability ${(explanation.probability * 100).toFixed(1)} %`, from: 0, to: final, total: true });
  const values = steps.flatMap((s) => [s.from, s.to]);
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  const span = hi - lo === 0 ? 1 : hi - lo;
  const pct = (v: number): number => ((v - lo) / span) * 100;

  return (
    <table className="waterfall">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Evidence</th>
          <th scope="col" className="num">Weight (bits)</th>
          <th scope="col" className="bar-col"><span className="visually-hidden">Running total, drawn</span></th>
        </tr>
      </thead>
      <tbody>
        {steps.map((s, i) => {
          const left = pct(Math.min(s.from, s.to));
          const width = Math.max(0.6, Math.abs(pct(s.to) - pct(s.from)));
          const up = s.to >= s.from;
          return (
            <tr key={`${s.label}-${i}`} className={s.total ? 'total' : undefined}>
              <th scope="row">
                {s.label}
                {s.detail === '' ? null : <span className="detail">{s.detail}</span>}
              </th>
              <td className="num">{s.total ? final.toFixed(2) : signed(s.to - s.from)}</td>
              <td className="bar-col" aria-hidden="true">
                <div className="bar-track">
                  <span className="zero" style={{ left: `${pct(0)}%` }} />
                  <span className={`bar ${s.total ? 'bar-total' : up ? 'bar-up' : 'bar-down'}`} style={{ left: `${left}%`, width: `${width}%` }} />
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
