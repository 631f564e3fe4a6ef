import { useState, type SubmitEvent } from 'react';
import { api } from '../api/client.js';
import type { ReviewItem, ReviewSide } from '../api/types.js';
import { ErrorNotice } from '../components/error-notice.js';
import { Link } from '../components/link.js';
import { PageTitle } from '../components/page-title.js';
import { Waterfall } from '../components/waterfall.js';
import { formatTime } from '../labels.js';
import { useLoad } from './use-load.js';

/** The fields compared side by side, read from the canonical record. */
function facts(side: ReviewSide): Record<string, string> {
  interface Name { given?: string; middle?: string; surname?: string; full?: string }
  const r = side.record as { name?: Name; aliases?: Name[]; dateOfBirth?: string; sex?: string; countryOfBirth?: string; citizenships?: string[]; documents?: { kind: string; number: string }[] };
  const name = (n: Name | undefined): string => {
    if (n === undefined) return '';
    const parts = [n.given, n.middle, n.surname].filter((x): x is string => x !== undefined && x !== '');
    return parts.length > 0 ? parts.join(' ') : (n.full ?? '');
  };
  return {
    Name: name(r.name),
    Aliases: (r.aliases ?? []).map(name).join('; '),
    'Date of birth': r.dateOfBirth ?? '',
    Sex: r.sex ?? '',
    'Country of birth': r.countryOfBirth ?? '',
    Citizenship: (r.citizenships ?? []).join(', '),
    Documents: (r.documents ?? []).map((d) => `${d.kind.replace(/-/g, ' ')} ${d.number}`).join('; '),
    Source: side.source,
  };
}

const decisions = [
  { value: 'match', label: 'Match', help: 'the same person: their records are merged' },
  { value: 'not-a-match', label: 'Not a match', help: 'different people: they stay apart' },
  { value: 'unsure', label: 'Unsure', help: 'cannot tell from what is held: nothing changes' },
] as const;

export function ReviewPage({ id }: { id: number }) {
  const { state, reload } = useLoad(() => api<ReviewItem>('GET', `/api/reviews/${id}`), String(id));
  const [decision, setDecision] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);

  if (state.kind === 'loading') return <p role="status">Loading review item {id}…</p>;
  if (state.kind === 'failed') return <section><PageTitle title={`Review item ${id}`}>Review item {id}</PageTitle><ErrorNotice error={state.error} /></section>;
  const item = state.value;
  const a = facts(item.a);
  const b = facts(item.b);

  const submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await api<ReviewItem>('POST', `/api/reviews/${id}/decision`, { decision, reason });
      reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <article>
      <PageTitle title={`Review item ${id}`}>Review item {id}</PageTitle>
      <p className="subtitle">Uncertain match, score {item.score.toFixed(2)} · <Link href="/reviews">back to the queue</Link></p>
      <table className="side-by-side">
        <caption>The two records side by side; rows that differ are marked</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Record #{item.a.recordId}{item.a.personId === null ? '' : <> · <Link href={`/persons/${item.a.personId}`}>person {item.a.personId}</Link></>}</th>
            <th scope="col">Record #{item.b.recordId}{item.b.personId === null ? '' : <> · <Link href={`/persons/${item.b.personId}`}>person {item.b.personId}</Link></>}</th>
          </tr>
        </thead>
        <tbody>
          {Object.keys(a).map((field) => {
            const differ = a[field] !== b[field];
            return (
              <tr key={field} className={differ ? 'differs' : undefined}>
                <th scope="row">{field}{differ ? <span className="visually-hidden"> (differs)</span> : null}</th>
                <td>{a[field] === '' ? <span className="muted">—</span> : a[field]}</td>
                <td>{b[field] === '' ? <span className="muted">—</span> : b[field]}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {item.explanation !== null && item.explanation.fields.length > 0 ? <Waterfall explanation={item.explanation} caption="How the linkage engine weighed the pair" /> : null}
      {item.status === 'decided' ? (
        <p className="notice notice-ok" role="status">Decided <strong>{(item.decision ?? '').replace(/-/g, ' ')}</strong> by {item.decidedBy} on {item.decidedAt === null ? '' : formatTime(item.decidedAt)}: {item.reason}</p>
      ) : (
        <form onSubmit={(e) => void submit(e)} className="decision">
          <fieldset>
            <legend>Your decision</legend>
            {decisions.map((d) => (
              <label key={d.value} className="choice">
                <input type="radio" name="decision" value={d.value} checked={decision === d.value} onChange={() => { setDecision(d.value); }} />
                <span><strong>{d.label}</strong><span className="choice-help">{d.help}</span></span>
              </label>
            ))}
          </fieldset>
          <label htmlFor="reason">Reason (kept in the ledger)</label>
          <textarea id="reason" rows={2} value={reason} onChange={(e) => { setReason(e.target.value); }} />
          <ErrorNotice error={error} />
          <button type="submit" disabled={busy || decision === '' || reason.trim().length < 5}>Record decision</button>
        </form>
      )}
    </article>
  );
}
