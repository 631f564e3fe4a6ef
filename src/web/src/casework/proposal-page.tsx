import { useState, type SubmitEvent } from 'react';
import { api } from '../api/client.js';
import type { Proposal, ProposalReview } from '../api/case-types.js';
import { ErrorNotice } from '../components/error-notice.js';
import { Link } from '../components/link.js';
import { PageTitle } from '../components/page-title.js';
import { formatTime } from '../labels.js';
import { useLoad } from '../pages/use-load.js';
import { ProposalFacts } from './proposal-review.js';
import './casework.css';

const verdicts = [
  { value: 'approve', label: 'Approve', help: 'the action may be carried out; every gate is checked again when it is' },
  { value: 'reject', label: 'Reject', help: 'the action is not taken' },
] as const;

/** One proposal and the reviewing officer's decision on it. */
export function ProposalPage({ id }: { id: number }) {
  const { state, reload } = useLoad(() => api<ProposalReview>('GET', `/api/proposals/${id}`), String(id));
  const [verdict, setVerdict] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);

  if (state.kind === 'loading') return <p role="status">Loading proposal {id}…</p>;
  if (state.kind === 'failed') return <section><PageTitle title={`Proposal ${id}`}>Proposal {id}</PageTitle><ErrorNotice error={state.error} /></section>;
  const item = state.value;
  const decision = item.proposal.decision;

  const submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await api<Proposal>('POST', `/api/proposals/${id}/decision`, { verdict, reason });
      reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <article>
      <PageTitle title={`Proposal ${id}`}>Proposal {id}</PageTitle>
      <p className="subtitle"><Link href="/proposals">back to the decisions</Link></p>
      <ProposalFacts item={item} />
      {decision !== null ? (
        <p className="notice notice-ok" role="status">{decision.verdict === 'approved' ? 'Approved' : 'Rejected'} by {decision.reviewer} on {formatTime(decision.decidedAt)}: {decision.reason}</p>
      ) : (
        <form onSubmit={(e) => void submit(e)} className="decision">
          <fieldset>
            <legend>Your decision</legend>
            {verdicts.map((v) => (
              <label key={v.value} className="choice">
                <input type="radio" name="verdict" value={v.value} checked={verdict === v.value} onChange={() => { setVerdict(v.value); }} />
                <span><strong>{v.label}</strong><span className="choice-help">{v.help}</span></span>
              </label>
            ))}
          </fieldset>
          <label htmlFor="decision-reason">Reason (kept in the ledger)</label>
          <textarea id="decision-reason" rows={2} value={reason} onChange={(e) => { setReason(e.target.value); }} />
          <ErrorNotice error={error} />
          <button type="submit" disabled={busy || verdict === '' || reason.trim().length < 5}>Record decision</button>
        </form>
      )}
    </article>
  );
}
