import { useState } from 'react';
import { api } from '../api/client.js';
import type { CaseSummary } from '../api/case-types.js';
import { ErrorNotice } from '../components/error-notice.js';
import { Link } from '../components/link.js';
import { PageTitle } from '../components/page-title.js';
import { formatTime } from '../labels.js';
import { useLoad } from '../pages/use-load.js';
import { can, useSession } from '../session.js';
import { stateLabel, tierLabel } from './case-labels.js';
import './casework.css';

type Which = 'open' | 'closed' | 'all';

interface IdentifyReport {
  readonly policy: { readonly id: string; readonly version: number };
  readonly scanned: number;
  readonly alreadyOpen: number;
  readonly identified: readonly { readonly caseId: number }[];
  readonly refused: readonly { readonly entityId: number; readonly reason: string }[];
}

/** Identification under the active policy: the case officer starts it, the policy decides who. */
function IdentifyButton({ done }: { done: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [report, setReport] = useState<IdentifyReport | undefined>(undefined);
  const identify = async (): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      setReport(await api<IdentifyReport>('POST', '/api/cases/identify', { limit: 50 }));
      done();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div>
      <button type="button" disabled={busy} onClick={() => void identify()}>{busy ? 'Reading every person under the policy…' : 'Identify cases under the policy'}</button>
      <ErrorNotice error={error} />
      {report === undefined ? null : (
        <p className="notice notice-ok" role="status">
          {report.policy.id} v{report.policy.version}: {report.scanned} people read, {report.identified.length} cases opened, {report.alreadyOpen} already open{report.refused.length > 0 ? `, ${report.refused.length} refused by a gate` : ''}.
        </p>
      )}
    </div>
  );
}

/** The case officer's queue: highest tier first, then the oldest case. */
export function CaseQueuePage() {
  const { session } = useSession();
  const [which, setWhich] = useState<Which>('open');
  const { state, reload } = useLoad(() => api<{ cases: CaseSummary[] }>('GET', `/api/cases?status=${which}&limit=200`), which);
  return (
    <section>
      <PageTitle title="Cases">Cases</PageTitle>
      <p className="lead">Cases by priority tier under the published policy, then by age. Every adverse step is proposed by one person and decided by another.</p>
      {can(session, 'case.identify') ? <IdentifyButton done={reload} /> : null}
      <div className="tabs" role="group" aria-label="Which cases">
        {(['open', 'closed', 'all'] as const).map((w) => (
          <button key={w} type="button" aria-pressed={which === w} onClick={() => { setWhich(w); }}>{w === 'open' ? 'Open' : w === 'closed' ? 'Closed' : 'All'}</button>
        ))}
      </div>
      {state.kind === 'loading' ? <p role="status">Loading cases…</p> : state.kind === 'failed' ? <ErrorNotice error={state.error} /> : state.value.cases.length === 0 ? (
        <p>No cases{which === 'open' ? ' are open' : ''}.</p>
      ) : (
        <div className="table-scroll">
          <table className="list" aria-label="Case queue">
            <thead><tr><th scope="col">Case</th><th scope="col">Priority</th><th scope="col">Person</th><th scope="col">State</th><th scope="col" className="num">Age</th><th scope="col">Identified</th></tr></thead>
            <tbody>
              {state.value.cases.map((c) => (
                <tr key={c.caseId}>
                  <td><Link href={`/cases/${c.caseId}`}>Case {c.caseId}</Link></td>
                  <td>{tierLabel(c.priority)}</td>
                  <td>{c.person.name}</td>
                  <td>{stateLabel(c.state)}{c.closure === null ? '' : ` (${c.closure.replace(/-/g, ' ')})`}</td>
                  <td className="num">{c.ageDays} d</td>
                  <td>{formatTime(c.identifiedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
