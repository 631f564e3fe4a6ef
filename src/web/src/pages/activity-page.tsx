import { api } from '../api/client.js';
import type { LedgerEntry } from '../api/types.js';
import { ErrorNotice } from '../components/error-notice.js';
import { PageTitle } from '../components/page-title.js';
import { formatTime, roleLabel } from '../labels.js';
import { can, useSession } from '../session.js';
import { useLoad } from './use-load.js';

function summarize(details: Readonly<Record<string, unknown>>): string {
  return Object.entries(details)
    .filter(([, v]) => v !== null && !(Array.isArray(v) && v.length === 0))
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : typeof v === 'object' ? JSON.stringify(v) : String(v as string | number | boolean)}`)
    .join(' · ');
}

export function ActivityPage() {
  const { session } = useSession();
  const all = can(session, 'ledger.read-all');
  const { state, reload } = useLoad(() => api<{ entries: LedgerEntry[] }>('GET', all ? '/api/ledger?limit=100' : '/api/ledger/mine?limit=100'), all ? 'all' : 'mine');
  return (
    <section>
      <PageTitle title={all ? 'Audit ledger' : 'My activity'}>{all ? 'Audit ledger' : 'My activity'}</PageTitle>
      <p className="lead">{all
        ? 'Every read, search, change and refusal, newest first. Each entry is chained to the one before it by its hash; your reading of this page is itself an entry.'
        : 'What the audit ledger holds about your own work, newest first: each search and record you opened, with the purpose you declared.'}</p>
      <button type="button" className="button-quiet" onClick={reload}>Refresh</button>
      {state.kind === 'loading' ? <p role="status">Loading…</p> : state.kind === 'failed' ? <ErrorNotice error={state.error} /> : (
        <div className="table-scroll">
          <table className="list ledger">
            <caption className="visually-hidden">Ledger entries</caption>
            <thead>
              <tr><th scope="col" className="num">#</th><th scope="col">When</th>{all ? <th scope="col">Who</th> : null}<th scope="col">Action</th><th scope="col">Target</th><th scope="col">Purpose</th><th scope="col">Outcome</th><th scope="col">Details</th></tr>
            </thead>
            <tbody>
              {state.value.entries.map((e) => (
                <tr key={e.seq} className={`outcome-${e.outcome}`}>
                  <td className="num">{e.seq}</td>
                  <td>{formatTime(e.at)}</td>
                  {all ? <td>{e.actor}<span className="support"> {roleLabel(e.role)}</span></td> : null}
                  <td><code>{e.action}</code></td>
                  <td>{e.target}</td>
                  <td>{e.purpose}<span className="support"> {e.legalBasis}</span></td>
                  <td>{e.outcome}</td>
                  <td className="details">{summarize(e.details)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
