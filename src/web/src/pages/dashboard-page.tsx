import { useEffect, useMemo, useState } from 'react';
import { api } from '../api/client.js';
import type { DashboardEvent, DashboardStats } from '../api/types.js';
import { DeparturesPanel } from '../casework/departures-panel.js';
import { BarChart } from '../components/bar-chart.js';
import { ErrorNotice } from '../components/error-notice.js';
import { PageTitle } from '../components/page-title.js';
import { ago, formatTime } from '../labels.js';

type Connection = 'connecting' | 'live' | 'reconnecting';

/** The figures, kept current by server-sent events; the list of what just happened is announced politely. */
export function DashboardPage() {
  const [stats, setStats] = useState<DashboardStats | undefined>(undefined);
  const [events, setEvents] = useState<readonly (DashboardEvent & { readonly key: number })[]>([]);
  const [connection, setConnection] = useState<Connection>('connecting');
  const [error, setError] = useState<unknown>(undefined);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    api<DashboardStats>('GET', '/api/dashboard').then(setStats, setError);
    let counter = 0;
    const source = new EventSource('/api/events');
    source.addEventListener('open', () => { setConnection('live'); });
    source.addEventListener('error', () => { setConnection('reconnecting'); });
    source.addEventListener('stats', (message) => {
      setStats(JSON.parse((message as MessageEvent<string>).data) as DashboardStats);
    });
    source.addEventListener('update', (message) => {
      const update = JSON.parse((message as MessageEvent<string>).data) as { events: DashboardEvent[]; stats: DashboardStats };
      setStats(update.stats);
      setEvents((previous) => [...update.events.map((e) => ({ ...e, key: ++counter })).reverse(), ...previous].slice(0, 30));
    });
    const tick = setInterval(() => { setNow(Date.now()); }, 10_000);
    return () => {
      source.close();
      clearInterval(tick);
    };
  }, []);

  const hours = useMemo(() => stats?.ingestByHour.map((h) => new Date(h.hour).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })) ?? [], [stats]);
  const hourSeries = useMemo(() => [{ label: 'Records ingested', values: stats?.ingestByHour.map((h) => h.records) ?? [], color: '#1d4ed8' }], [stats]);
  const sourceLabels = useMemo(() => stats?.sources.map((s) => s.name) ?? [], [stats]);
  const sourceSeries = useMemo(() => [
    { label: 'Records', values: stats?.sources.map((s) => s.records) ?? [], color: '#1d4ed8' },
    { label: 'Quarantined', values: stats?.sources.map((s) => s.quarantined) ?? [], color: '#b45309' },
  ], [stats]);

  return (
    <section>
      <PageTitle title="Dashboard">Live dashboard</PageTitle>
      <p className="subtitle">
        <span className={`live live-${connection}`}>{connection === 'live' ? 'Live' : connection === 'connecting' ? 'Connecting…' : 'Reconnecting…'}</span>
        {stats === undefined ? null : <> · figures as of <time dateTime={stats.at}>{formatTime(stats.at)}</time></>}
      </p>
      <ErrorNotice error={error} />
      {stats === undefined ? <p role="status">Loading figures…</p> : (
        <>
          <ul className="tiles" aria-label="Totals">
            <li className="tile"><span className="tile-value" data-testid="total-records">{stats.totals.records.toLocaleString()}</span><span className="tile-label">source records</span></li>
            <li className="tile"><span className="tile-value" data-testid="total-entities">{stats.totals.entities.toLocaleString()}</span><span className="tile-label">people resolved</span></li>
            <li className="tile"><span className="tile-value" data-testid="pending-reviews">{stats.totals.pendingReviews.toLocaleString()}</span><span className="tile-label">pending reviews</span></li>
            <li className="tile"><span className="tile-value" data-testid="quarantined">{stats.totals.quarantined.toLocaleString()}</span><span className="tile-label">rows in quarantine</span></li>
            <li className="tile"><span className="tile-value">{stats.totals.sources}</span><span className="tile-label">sources{stats.totals.ingestRunsRunning > 0 ? `, ${stats.totals.ingestRunsRunning} ingesting` : ''}</span></li>
          </ul>
          <DeparturesPanel />
          <div className="charts">
            <BarChart title="Records ingested per hour, last 24 hours" labels={hours} series={hourSeries} />
            <BarChart title="Records and quarantined rows per source" labels={sourceLabels} series={sourceSeries} stacked />
          </div>
          <div className="columns">
            <section aria-labelledby="fresh-h">
              <h2 id="fresh-h">Freshness and quality per source</h2>
              <div className="table-scroll">
                <table className="list">
                  <thead><tr><th scope="col">Source</th><th scope="col">Last ingest</th><th scope="col">Last run</th><th scope="col" className="num">Accepted</th></tr></thead>
                  <tbody>
                    {stats.sources.map((s) => (
                      <tr key={s.name}>
                        <th scope="row">{s.name}<span className="support"> {s.category.replace(/-/g, ' ')}</span></th>
                        <td>{s.lastIngestAt === null ? 'never' : <time dateTime={s.lastIngestAt} title={formatTime(s.lastIngestAt)}>{ago(s.lastIngestAt, now)}</time>}</td>
                        <td>{s.lastRunStatus ?? '—'}</td>
                        <td className="num">{(s.acceptedShare * 100).toFixed(1)} %</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <h2>Data quality</h2>
              <dl className="quality">
                <div><dt>Records without a date of birth</dt><dd>{stats.quality.recordsWithoutDateOfBirth.toLocaleString()}</dd></div>
                <div><dt>Records without an identity document</dt><dd>{stats.quality.recordsWithoutDocument.toLocaleString()}</dd></div>
                <div><dt>People known from one record only</dt><dd>{stats.quality.entitiesWithOneRecord.toLocaleString()}</dd></div>
                <div><dt>Review decisions taken</dt><dd>{stats.quality.reviewsDecided.toLocaleString()}</dd></div>
              </dl>
            </section>
            <section aria-labelledby="events-h">
              <h2 id="events-h">As it happens</h2>
              <ol className="events" aria-live="polite" aria-relevant="additions" data-testid="event-feed">
                {events.length === 0 ? <li className="muted">Waiting for events…</li> : events.map((e) => (
                  <li key={e.key}><time dateTime={e.at}>{new Date(e.at).toLocaleTimeString()}</time> {e.summary}</li>
                ))}
              </ol>
            </section>
          </div>
        </>
      )}
    </section>
  );
}
