import { useState, type SubmitEvent } from 'react';
import { api } from '../api/client.js';
import type { CaseDetail, CaseEvent, Gates, NextStep, Proposal } from '../api/case-types.js';
import { ErrorNotice } from '../components/error-notice.js';
import { Link } from '../components/link.js';
import { PageTitle } from '../components/page-title.js';
import { formatTime } from '../labels.js';
import { useLoad } from '../pages/use-load.js';
import { can, useSession } from '../session.js';
import { exits, stateLabel, stepLabel, tierLabel } from './case-labels.js';
import { MatchFacts, RulesFired, StatusFacts } from './facts-panel.js';
import { GateList } from './gate-list.js';
import './casework.css';

/** Sends one request and reports its failure in place; `done` runs after success. */
function useAction(done: () => void): { busy: boolean; error: unknown; run: (work: () => Promise<unknown>) => Promise<void> } {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const run = async (work: () => Promise<unknown>): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
      done();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}

function ProposeForm({ detail, steps, done }: { detail: CaseDetail; steps: readonly NextStep[]; done: () => void }) {
  const [action, setAction] = useState(steps[0]?.action ?? '');
  const [reason, setReason] = useState('');
  const [destination, setDestination] = useState('');
  const { busy, error, run } = useAction(() => { setReason(''); done(); });
  const submit = (event: SubmitEvent): void => {
    event.preventDefault();
    void run(() => api<Proposal>('POST', `/api/cases/${detail.caseId}/proposals`, { action, reason, ...(action === 'schedule-removal' ? { destination } : {}) }));
  };
  return (
    <form onSubmit={submit} aria-labelledby="propose-h">
      <h3 id="propose-h">Propose an adverse action</h3>
      <p className="support">A reviewing officer decides it; you cannot decide your own proposal.</p>
      <label htmlFor="propose-action">Action</label>
      <select id="propose-action" value={action} onChange={(e) => { setAction(e.target.value); }}>
        {steps.map((s) => <option key={s.transition} value={s.action ?? ''}>{stepLabel(s.transition)}</option>)}
      </select>
      {action === 'schedule-removal' ? (
        <>
          <label htmlFor="propose-destination">Country of removal (ISO alpha-3)</label>
          <input id="propose-destination" type="text" value={destination} maxLength={3} autoCapitalize="characters" onChange={(e) => { setDestination(e.target.value.toUpperCase()); }} />
        </>
      ) : null}
      <label htmlFor="propose-reason">Reason (kept in the ledger)</label>
      <textarea id="propose-reason" rows={2} value={reason} onChange={(e) => { setReason(e.target.value); }} />
      <ErrorNotice error={error} />
      <button type="submit" disabled={busy || reason.trim().length < 5 || (action === 'schedule-removal' && !/^[A-Z]{3}$/.test(destination))}>Propose for review</button>
    </form>
  );
}

function StepForm({ detail, steps, done }: { detail: CaseDetail; steps: readonly NextStep[]; done: () => void }) {
  const [step, setStep] = useState(steps[0]?.transition ?? '');
  const [reason, setReason] = useState('');
  const [closure, setClosure] = useState(exits[0]?.value ?? '');
  const [document, setDocument] = useState('');
  const { busy, error, run } = useAction(() => { setReason(''); done(); });
  const chosen = steps.find((s) => s.transition === step);
  const submit = (event: SubmitEvent): void => {
    event.preventDefault();
    void run(() => api('POST', `/api/cases/${detail.caseId}/transitions`, {
      transition: step, reason,
      ...(chosen?.approvedProposal === null || chosen === undefined ? {} : { proposalId: chosen.approvedProposal }),
      ...(step === 'exit' ? { closure, documents: [document] } : {}),
    }));
  };
  return (
    <form onSubmit={submit} aria-labelledby="step-h">
      <h3 id="step-h">Take a step</h3>
      <p className="support">Court steps must be borne out by court records; an adverse step carries out its approved proposal, and every gate is checked again.</p>
      <label htmlFor="step-kind">Step</label>
      <select id="step-kind" value={step} onChange={(e) => { setStep(e.target.value); }}>
        {steps.map((s) => <option key={s.transition} value={s.transition}>{stepLabel(s.transition)}{s.approvedProposal === null ? '' : ` (proposal ${s.approvedProposal}, approved)`}</option>)}
      </select>
      {chosen === undefined ? null : <p className="support">{chosen.description}</p>}
      {step === 'exit' ? (
        <>
          <label htmlFor="step-closure">Why the case ends</label>
          <select id="step-closure" value={closure} onChange={(e) => { setClosure(e.target.value); }}>
            {exits.map((x) => <option key={x.value} value={x.value}>{x.label}</option>)}
          </select>
          <label htmlFor="step-document">Document it rests on</label>
          <input id="step-document" type="text" value={document} onChange={(e) => { setDocument(e.target.value); }} />
        </>
      ) : null}
      <label htmlFor="step-reason">Reason (kept in the ledger)</label>
      <textarea id="step-reason" rows={2} value={reason} onChange={(e) => { setReason(e.target.value); }} />
      <ErrorNotice error={error} />
      <button type="submit" disabled={busy || reason.trim().length < 5 || (step === 'exit' && document.trim() === '')}>Record step</button>
    </form>
  );
}

function Checkpoints({ detail, done }: { detail: CaseDetail; done: () => void }) {
  const [result, setResult] = useState<{ gates: Gates; halted: CaseEvent | null } | undefined>(undefined);
  const { busy, error, run } = useAction(done);
  const check = (checkpoint: 'manifest-freeze' | 'boarding'): void => {
    void run(async () => { setResult(await api<{ gates: Gates; halted: CaseEvent | null }>('POST', `/api/cases/${detail.caseId}/checkpoints`, { checkpoint })); });
  };
  return (
    <div aria-labelledby="checkpoint-h">
      <h3 id="checkpoint-h">Removal checkpoints</h3>
      <p className="support">Checked to the minute: a stay granted minutes before the flight stops the removal.</p>
      <button type="button" disabled={busy} onClick={() => { check('manifest-freeze'); }}>Check at manifest freeze</button>{' '}
      <button type="button" disabled={busy} onClick={() => { check('boarding'); }}>Check before boarding</button>
      <ErrorNotice error={error} />
      {result === undefined ? null : (
        <div role="status">
          <GateList gates={[result.gates]} caption="Checkpoint result" />
          {result.halted === null ? null : <p className="notice notice-error">Removal halted: the case is back at {stateLabel(result.halted.to).toLowerCase()}.</p>}
        </div>
      )}
    </div>
  );
}

function History({ events }: { events: readonly CaseEvent[] }) {
  return (
    <ol className="case-history" aria-label="Case timeline">
      {events.map((e) => (
        <li key={e.sequence}>
          <time dateTime={e.at}>{formatTime(e.at)}</time>
          <strong>{stepLabel(e.transition)}</strong>{e.from === null ? '' : ` ${stateLabel(e.from)} → ${stateLabel(e.to)}`} · by {e.actor.userId}
          {e.approval === undefined ? null : <span className="support"> · proposal {e.approval.proposalId}: proposed by {e.approval.proposedBy}, approved by {e.approval.approvedBy}</span>}
          {e.gates === undefined ? null : <span className="support"> · gates for {e.gates.check}: {e.gates.clear ? 'clear' : `held by ${e.gates.holding.join(', ')}`}</span>}
          <div>{e.reason}</div>
          {e.evidence.length === 0 ? null : <div className="support">Evidence: {e.evidence.map((r) => (r.kind === 'record' ? `record #${r.recordId}` : r.kind === 'proposal' ? `proposal ${r.proposalId}` : r.reference)).join(', ')}</div>}
        </li>
      ))}
    </ol>
  );
}

export function CasePage({ id }: { id: number }) {
  const { session } = useSession();
  const { state, reload } = useLoad(() => api<CaseDetail>('GET', `/api/cases/${id}`), String(id));
  if (state.kind === 'loading') return <p role="status">Loading case {id}…</p>;
  if (state.kind === 'failed') return <section><PageTitle title={`Case ${id}`}>Case {id}</PageTitle><ErrorNotice error={state.error} /></section>;
  const d = state.value;
  const mine = (s: NextStep): boolean => s.roles.includes(session.role);
  const waiting = new Set(d.proposals.filter((p) => p.status === 'pending').map((p) => p.action));
  const proposable = can(session, 'case.propose') ? d.next.filter((s) => s.action !== null && s.approvedProposal === null && !waiting.has(s.action) && mine(s)) : [];
  const steps = can(session, 'case.transition') ? d.next.filter((s) => mine(s) && (s.action === null || s.approvedProposal !== null)) : [];

  return (
    <article>
      <PageTitle title={`Case ${d.caseId}`}>Case {d.caseId}: {d.person.name}</PageTitle>
      <p className="subtitle">
        {tierLabel(d.priority)} · <strong>{stateLabel(d.state)}</strong>{d.closure === null ? '' : ` (${d.closure.replace(/-/g, ' ')})`} · identified {formatTime(d.identifiedAt)}, {d.ageDays} days ago ·{' '}
        <Link href={`/persons/${d.person.entityId}`}>person {d.person.entityId}</Link> · <Link href="/cases">the queue</Link>
      </p>
      {d.person.withheldRecords > 0 ? <p className="notice">{d.person.withheldRecords} of {d.person.recordCount} records are held in sources your declared purpose does not permit; the rules still read them, and what rests on them is marked withheld.</p> : null}

      <div className="case-grid">
        <section aria-labelledby="status-h">
          <h2 id="status-h">Legal status now</h2>
          <StatusFacts status={d.status} />
        </section>
        <section aria-labelledby="priority-h">
          <h2 id="priority-h">Priority and rules fired</h2>
          <RulesFired priority={d.priority} />
          <h2 id="match-h">Match confidence</h2>
          <MatchFacts match={d.matchConfidence} />
        </section>
      </div>

      <section aria-labelledby="gates-h">
        <h2 id="gates-h">Legal gates now</h2>
        <GateList gates={d.gates} caption="Gates for each adverse action" />
      </section>

      {d.departures.length > 0 ? (
        <section aria-labelledby="vd-h">
          <h2 id="vd-h">Voluntary departure</h2>
          <ul className="departure-list">
            {d.departures.map((w) => <li key={`${w.caseNumber}${w.deadline}`}>{w.alert ? <span className="alert-mark">Alert: </span> : null}{w.explanation}{w.verification === undefined ? '' : ` ${w.verification.statement}`}</li>)}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="proposals-h">
        <h2 id="proposals-h">Proposals</h2>
        {d.proposals.length === 0 ? <p className="muted">No adverse action has been proposed.</p> : (
          <ul className="proposals">
            {d.proposals.map((p) => (
              <li key={p.proposalId}>
                <span className={`pill pill-${p.status}`}>{p.status.replace('-', ' ')}</span> <strong>{stepLabel(p.action)}</strong>{p.destination === null ? '' : ` to ${p.destination}`} — proposed by {p.proposedBy} on {formatTime(p.proposedAt)}: {p.reason}
                {p.decision === null ? null : <div className="support">{p.decision.verdict === 'approved' ? 'Approved' : 'Rejected'} by {p.decision.reviewer} on {formatTime(p.decision.decidedAt)}: {p.decision.reason}</div>}
                {p.status === 'pending' && can(session, 'case.decide') ? <div><Link href={`/proposals/${p.proposalId}`}>Review proposal {p.proposalId}</Link></div> : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      {proposable.length > 0 || steps.length > 0 || (d.state === 'departure-pending-removal' && can(session, 'case.checkpoint')) ? (
        <section aria-labelledby="act-h">
          <h2 id="act-h">Act on this case</h2>
          <div className="actions">
            {proposable.length > 0 ? <ProposeForm key={`p${d.events}-${d.proposals.length}`} detail={d} steps={proposable} done={reload} /> : null}
            {steps.length > 0 ? <StepForm key={`s${d.events}`} detail={d} steps={steps} done={reload} /> : null}
            {d.state === 'departure-pending-removal' && can(session, 'case.checkpoint') ? <Checkpoints detail={d} done={reload} /> : null}
          </div>
        </section>
      ) : null}

      <section aria-labelledby="history-h">
        <h2 id="history-h">Timeline</h2>
        <History events={d.history} />
      </section>
    </article>
  );
}
