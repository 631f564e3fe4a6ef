import { useEffect, useState } from 'react';
import { api } from '../api/client.js';
import type { DepartureBoard, DepartureCounts, DepartureWatch } from '../api/case-types.js';
import { ErrorNotice } from '../components/error-notice.js';
import { Link } from '../components/link.js';
import { can, useSession } from '../session.js';
import './casework.css';

/** Fetches again at most this often while events arrive: departures change with new exit records. */
const refreshMs = 2_000;

function WatchList({ title, watches, names, id }: { title: string; watches: readonly DepartureWatch[]; names: Readonly<Record<string, string>>; id: string }) {
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{title} ({watches.length})</h3>
      {watches.length === 0 ? <p className="muted">None.</p> : (
        <ul className="departure-list">
          {watches.slice(0, 10).map((w) => (
            <li key={`${w.personId}-${w.caseNumber}-${w.deadline}`}>
              {w.alert ? <span className="alert-mark">Alert: </span> : null}
              <Link href={`/persons/${w.personId}`}>{names[w.personId] ?? `person ${w.personId}`}</Link> · deadline {w.deadline} · {w.explanation}
            </li>
          ))}
          {watches.length > 10 ? <li className="muted">and {watches.length - 10} more</li> : null}
        </ul>
      )}
    </section>
  );
}

/**
 * Voluntary departures on the dashboard: the figures for everyone who sees the dashboard, and the
 * lists (due with alerts, verified, overdue) for those whose role and purpose may read them.
 */
export function DeparturesPanel() {
  const { session } = useSession();
  const lists = can(session, 'departure.read') && session.purpose !== null;
  const [counts, setCounts] = useState<DepartureCounts | undefined>(undefined);
  const [board, setBoard] = useState<DepartureBoard | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = (): void => {
      api<DepartureCounts>('GET', '/api/departures/summary').then((c) => { if (live) setCounts(c); }, (e: unknown) => { if (live) setError(e); });
      if (lists) api<DepartureBoard>('GET', '/api/departures').then((b) => { if (live) setBoard(b); }, (e: unknown) => { if (live) setError(e); });
    };
    load();
    const source = new EventSource('/api/events');
    source.addEventListener('update', () => {
      timer ??= setTimeout(() => { timer = undefined; load(); }, refreshMs);
    });
    return () => {
      live = false;
      source.close();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [lists]);

  return (
    <section className="departures" aria-labelledby="departures-h">
      <h2 id="departures-h">Voluntary departures</h2>
      <ErrorNotice error={error} />
      {counts === undefined ? <p role="status">Loading departures…</p> : (
        <ul className="tiles" aria-label="Voluntary departures">
          <li className="tile"><span className="tile-value" data-testid="departures-due">{counts.due}</span><span className="tile-label">due</span></li>
          <li className="tile"><span className="tile-value" data-testid="departures-alerts">{counts.alerts}</span><span className="tile-label">due within {board?.alertDays ?? 14} days</span></li>
          <li className="tile"><span className="tile-value" data-testid="departures-verified">{counts.verified}</span><span className="tile-label">verified</span></li>
          <li className="tile"><span className="tile-value" data-testid="departures-overdue">{counts.overdue}</span><span className="tile-label">overdue</span></li>
          <li className="tile"><span className="tile-value">{counts['departed-late']}</span><span className="tile-label">departed late</span></li>
        </ul>
      )}
      {board === undefined ? null : (
        <div className="case-grid">
          <WatchList id="dep-due-h" title="Due, soonest first" watches={board.due} names={board.names} />
          <WatchList id="dep-verified-h" title="Verified" watches={board.verified} names={board.names} />
          <WatchList id="dep-overdue-h" title="Overdue" watches={board.overdue} names={board.names} />
        </div>
      )}
    </section>
  );
}
