import { api } from '../api/client.js';
import type { CaseSummary, Gates, StatusView } from '../api/case-types.js';
import { ErrorNotice } from '../components/error-notice.js';
import { Link } from '../components/link.js';
import { useLoad } from '../pages/use-load.js';
import { can, useSession } from '../session.js';
import { stateLabel, tierLabel } from './case-labels.js';
import { GateList } from './gate-list.js';
import './casework.css';

interface PersonCases {
  readonly status: StatusView;
  readonly gates: readonly Gates[];
  readonly cases: readonly CaseSummary[];
}

/** On a person's profile: their cases and every legal hold now, for the roles that read cases. */
export function PersonCasesPanel({ personId }: { personId: number }) {
  const { session } = useSession();
  const allowed = can(session, 'case.read');
  const { state } = useLoad(() => (allowed ? api<PersonCases>('GET', `/api/persons/${personId}/cases`) : Promise.resolve(undefined)), `${personId}:${String(allowed)}`);
  if (!allowed) return null;
  return (
    <section aria-labelledby="person-cases-h">
      <h2 id="person-cases-h">Cases and legal holds</h2>
      {state.kind === 'loading' ? <p role="status">Loading cases…</p> : state.kind === 'failed' ? <ErrorNotice error={state.error} /> : state.value === undefined ? null : (
        <>
          <p>Derived status: <strong>{state.value.status.status.replace(/-/g, ' ')}</strong>. {state.value.status.basis.explanation}</p>
          {state.value.cases.length === 0 ? <p className="muted">No case.</p> : (
            <ul className="proposals" aria-label="Cases">
              {state.value.cases.map((c) => <li key={c.caseId}><Link href={`/cases/${c.caseId}`}>Case {c.caseId}</Link>: {stateLabel(c.state)} · {tierLabel(c.priority)}</li>)}
            </ul>
          )}
          <GateList gates={state.value.gates} caption="Legal holds for each adverse action" />
        </>
      )}
    </section>
  );
}
