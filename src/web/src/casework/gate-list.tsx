import type { Gates } from '../api/case-types.js';
import { stepLabel } from './case-labels.js';

/** Checks toward removal: only there does the destination matter (withholding and CAT protect one country). */
const removalChecks: ReadonlySet<string> = new Set(['schedule-removal', 'manifest-freeze', 'boarding']);

/** The legal gates for one or more actions: clear, or every hold with its explanation, basis and records. */
export function GateList({ gates, caption }: { gates: readonly Gates[]; caption: string }) {
  return (
    <ul className="gates" aria-label={caption}>
      {gates.map((g) => (
        <li key={g.check} className={g.clear ? 'gate gate-clear' : 'gate gate-held'}>
          <span className="gate-check">{stepLabel(g.check)}{g.destination === null || !removalChecks.has(g.check) ? '' : ` (to ${g.destination})`}</span>{' '}
          <strong className="gate-verdict">{g.clear ? 'Clear' : 'Blocked'}</strong>
          {g.holding.length === 0 ? null : (
            <ul className="holds">
              {g.holding.map((h) => (
                <li key={h.gate}>
                  <strong>{h.title}.</strong> {h.explanation}{' '}
                  <span className="support">{h.citation}{h.recordIds.length > 0 ? ` \u00b7 records ${h.recordIds.map((id) => `#${id}`).join(', ')}` : ''}{h.withheldRecords > 0 ? ` \u00b7 ${h.withheldRecords} withheld` : ''}</span>
                  {h.referral === null ? null : <span className="referral"> Refer to {h.referral === 'counsel' ? 'counsel' : 'legal review'}.</span>}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}
