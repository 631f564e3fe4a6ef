import { useState } from 'react';
import { api } from '../api/client.js';
import type { ReviewSummary } from '../api/types.js';
import { ErrorNotice } from '../components/error-notice.js';
import { Link } from '../components/link.js';
import { PageTitle } from '../components/page-title.js';
import { formatTime } from '../labels.js';
import { useLoad } from './use-load.js';

export function ReviewListPage() {
  const [status, setStatus] = useState<'open' | 'decided'>('open');
  const { state } = useLoad(() => api<{ items: ReviewSummary[] }>('GET', `/api/reviews?status=${status}`), status);
  return (
    <section>
      <PageTitle title="Clerical review">Clerical review</PageTitle>
      <p className="lead">Pairs of records the linkage engine could not decide on. The closest calls come first.</p>
      <div className="tabs" role="group" aria-label="Which items">
        <button type="button" aria-pressed={status === 'open'} onClick={() => { setStatus('open'); }}>Open</button>
        <button type="button" aria-pressed={status === 'decided'} onClick={() => { setStatus('decided'); }}>Decided</button>
      </div>
      {state.kind === 'loading' ? <p role="status">Loading…</p> : state.kind === 'failed' ? <ErrorNotice error={state.error} /> : state.value.items.length === 0 ? (
        <p>{status === 'open' ? 'Nothing awaits review.' : 'Nothing has been decided yet.'}</p>
      ) : (
        <table className="list">
          <caption className="visually-hidden">{status === 'open' ? 'Open review items' : 'Decided review items'}</caption>
          <thead><tr><th scope="col">Item</th><th scope="col">Records</th><th scope="col" className="num">Score</th><th scope="col">{status === 'open' ? 'Since' : 'Decision'}</th></tr></thead>
          <tbody>
            {state.value.items.map((item) => (
              <tr key={item.id}>
                <td><Link href={`/reviews/${item.id}`}>Item {item.id}</Link></td>
                <td>{item.nameA} · {item.nameB}</td>
                <td className="num">{item.score.toFixed(2)}</td>
                <td>{status === 'open' ? formatTime(item.createdAt) : (item.decision ?? '').replace(/-/g, ' ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
