import { useState, type SubmitEvent } from 'react';
import { api, ApiError } from '../api/client.js';
import type { EntityChange, PersonProfile, Supported } from '../api/types.js';
import { PersonCasesPanel } from '../casework/person-cases-panel.js';
import { ErrorNotice } from '../components/error-notice.js';
import { Link } from '../components/link.js';
import { PageTitle } from '../components/page-title.js';
import { Waterfall } from '../components/waterfall.js';
import { formatTime } from '../labels.js';
import { navigate } from '../router.js';
import { can, useSession } from '../session.js';
import { useLoad } from './use-load.js';

/** Facts with the records that state them; where sources should agree (`single`), a disagreement is marked. */
function Facts({ label, values, single = false }: { label: string; values: readonly Supported[]; single?: boolean }) {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd>
        {values.length === 0 ? <span className="muted">not recorded</span> : (
          <ul className="fact-values">
            {values.map((v) => (
              <li key={v.value}>
                <span className={single && values.length > 1 ? 'conflict' : undefined}>{v.value}</span>{' '}
                <span className="support">record{v.recordIds.length === 1 ? '' : 's'} {v.recordIds.map((id) => `#${id}`).join(', ')}</span>
              </li>
            ))}
          </ul>
        )}
      </dd>
    </div>
  );
}

export function PersonPage({ id }: { id: number }) {
  const { session } = useSession();
  const { state, reload } = useLoad(() => api<PersonProfile>('GET', `/api/persons/${id}`), String(id));

  if (state.kind === 'loading') return <p role="status">Loading person {id}…</p>;
  if (state.kind === 'failed') {
    const into = state.error instanceof ApiError ? state.error.details['mergedInto'] : undefined;
    return (
      <section>
        <PageTitle title={`Person ${id}`}>Person {id}</PageTitle>
        <ErrorNotice error={state.error} />
        {typeof into === 'number' ? <p><Link href={`/persons/${into}`}>Open person {into}</Link></p> : null}
      </section>
    );
  }
  const p = state.value;
  const linked = p.records.filter((r) => r.link.explanation !== null && (r.link.explanation.fields.length > 0 || r.link.explanation.note !== undefined));
  return (
    <article className="profile">
      <PageTitle title={p.displayName}>{p.displayName}</PageTitle>
      <p className="subtitle">Person {p.id} · {p.records.length} source record{p.records.length === 1 ? '' : 's'}{p.withheldRecords > 0 ? ` shown, ${p.withheldRecords} withheld` : ''}</p>
      {p.withheldRecords > 0 ? (
        <p className="notice">{p.withheldRecords} record{p.withheldRecords === 1 ? ' is' : 's are'} held for this person in sources whose registration does not permit your declared purpose; {p.withheldRecords === 1 ? 'it is' : 'they are'} not shown.</p>
      ) : null}

      {p.flags.length > 0 ? (
        <section aria-labelledby="flags-h">
          <h2 id="flags-h">Data quality</h2>
          <ul className="flags">
            {p.flags.map((f) => <li key={f.code} className={`flag flag-${f.severity}`}><span className="flag-kind">{f.severity === 'warning' ? 'Check' : 'Note'}</span> {f.message}</li>)}
          </ul>
        </section>
      ) : null}

      <PersonCasesPanel personId={p.id} />

      <section aria-labelledby="identity-h">
        <h2 id="identity-h">Identity</h2>
        <dl className="facts">
          <Facts label="Names and aliases" values={p.identity.names} />
          <Facts label="Date of birth" values={p.identity.datesOfBirth} single />
          <Facts label="Country of birth" values={p.identity.countriesOfBirth} single />
          <Facts label="Citizenship" values={p.identity.citizenships} />
          <Facts label="Documents" values={p.identity.documents.map((d) => ({ value: `${d.kind.replace(/-/g, ' ')} ${d.value}`, recordIds: d.recordIds }))} />
        </dl>
      </section>

      <section aria-labelledby="why-h">
        <h2 id="why-h">Why these records are one person</h2>
        {linked.length === 0 ? <p className="muted">A single record, or records linked without a stored explanation.</p> : linked.map((r) => (
          r.link.explanation === null ? null : r.link.explanation.fields.length === 0 ? (
            <p key={r.id} className="notice">Record #{r.id}: {r.link.explanation.note}</p>
          ) : (
            <Waterfall key={r.id} explanation={r.link.explanation} caption={`Record #${r.id} (${r.source.name}) linked${r.link.matchScore === null ? '' : `, match probability ${(r.link.matchScore * 100).toFixed(1)} %`}`} />
          )
        ))}
      </section>

      <section aria-labelledby="timeline-h">
        <h2 id="timeline-h">Timeline</h2>
        {p.timeline.length === 0 ? <p className="muted">No events recorded.</p> : (
          <ol className="timeline">
            {p.timeline.map((e, i) => (
              <li key={`${e.date}-${e.recordId}-${i}`}>
                <time dateTime={e.date}>{e.date}</time>
                <span className="event">{e.summary}</span>
                <span className="support">{e.source}, record #{e.recordId}</span>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="records-h">
        <h2 id="records-h">Source records and lineage</h2>
        <div className="records">
          {p.records.map((r) => (
            <section key={r.id} className="record-card" aria-label={`Record ${r.id} from ${r.source.name}`}>
              <h3>Record #{r.id} · {r.source.name}</h3>
              <dl className="lineage">
                <div><dt>Category</dt><dd>{r.source.category.replace(/-/g, ' ')}</dd></div>
                <div><dt>Legal authority</dt><dd>{r.source.legalAuthority}</dd></div>
                <div><dt>File</dt><dd><code>{r.lineage.file}</code>, line {r.lineage.line}, byte {r.lineage.byteOffset}</dd></div>
                <div><dt>Ingest run</dt><dd>#{r.lineage.ingestRunId}, mapping v{r.lineage.mappingVersion}, {formatTime(r.lineage.ingestedAt)}</dd></div>
                <div><dt>Content hash</dt><dd><code title={r.lineage.contentHash}>{r.lineage.contentHash.slice(0, 16)}…</code></dd></div>
                <div><dt>Linked since</dt><dd>{formatTime(r.link.since)}</dd></div>
              </dl>
              <details>
                <summary>Canonical record</summary>
                <pre>{JSON.stringify(r.record, null, 2)}</pre>
              </details>
            </section>
          ))}
        </div>
      </section>

      {p.openReviews.length > 0 ? (
        <section aria-labelledby="reviews-h">
          <h2 id="reviews-h">Awaiting clerical review</h2>
          <ul>
            {p.openReviews.map((r) => (
              <li key={r.id}>
                {can(session, 'review.read') ? <Link href={`/reviews/${r.id}`}>Review item {r.id}</Link> : `Review item ${r.id}`}: records #{r.recordA} and #{r.recordB}, score {r.score.toFixed(2)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="history-h">
        <h2 id="history-h">History</h2>
        {p.history.length === 0 ? <p className="muted">No changes recorded.</p> : (
          <ol className="history">
            {p.history.map((h, i) => (
              <li key={`${h.at}-${i}`}><time dateTime={h.at}>{formatTime(h.at)}</time> <strong>{h.kind.replace(/-/g, ' ')}</strong> by {h.actor}: {h.reason}{h.recordIds.length > 0 ? ` (records ${h.recordIds.map((x) => `#${x}`).join(', ')})` : ''}</li>
            ))}
          </ol>
        )}
      </section>

      {can(session, 'entity.change') ? <StewardActions profile={p} onChanged={reload} /> : null}
    </article>
  );
}

function StewardActions({ profile, onChanged }: { profile: PersonProfile; onChanged: () => void }) {
  const [splitIds, setSplitIds] = useState<readonly number[]>([]);
  const [splitReason, setSplitReason] = useState('');
  const [other, setOther] = useState('');
  const [mergeReason, setMergeReason] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  const [done, setDone] = useState('');

  const run = async (event: SubmitEvent, work: () => Promise<EntityChange>): Promise<void> => {
    event.preventDefault();
    setError(undefined);
    try {
      const change = await work();
      if (change.kind === 'split') {
        setDone(`Records ${change.recordIds.map((x) => `#${x}`).join(', ')} are now person ${change.otherPersonId}.`);
        setSplitIds([]);
        setSplitReason('');
        onChanged();
      } else {
        setDone(`Person ${change.otherPersonId} was merged into this person.`);
        setOther('');
        setMergeReason('');
        navigate(`/persons/${change.personId}`);
        onChanged();
      }
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section aria-labelledby="steward-h" className="steward">
      <h2 id="steward-h">Correct the resolution</h2>
      <p className="help">A split or merge is kept in this person’s history and in the audit ledger with your reason.</p>
      <div aria-live="polite">{done === '' ? null : <p className="notice notice-ok">{done}</p>}</div>
      <ErrorNotice error={error} />
      <div className="steward-forms">
        {profile.records.length > 1 ? (
          <form onSubmit={(e) => void run(e, () => api<EntityChange>('POST', `/api/persons/${profile.id}/split`, { recordIds: splitIds, reason: splitReason }))}>
            <fieldset>
              <legend>Split records off into a new person</legend>
              {profile.records.map((r) => (
                <label key={r.id} className="choice-inline">
                  <input type="checkbox" checked={splitIds.includes(r.id)} onChange={(e) => { setSplitIds(e.target.checked ? [...splitIds, r.id] : splitIds.filter((x) => x !== r.id)); }} />
                  Record #{r.id} ({r.source.name})
                </label>
              ))}
              <label htmlFor="split-reason">Reason</label>
              <input id="split-reason" value={splitReason} onChange={(e) => { setSplitReason(e.target.value); }} />
            </fieldset>
            <button type="submit" disabled={splitIds.length === 0 || splitReason.trim().length < 5}>Split</button>
          </form>
        ) : null}
        <form onSubmit={(e) => void run(e, () => api<EntityChange>('POST', `/api/persons/${profile.id}/merge`, { otherPersonId: Number(other), reason: mergeReason }))}>
          <fieldset>
            <legend>Merge another person into this one</legend>
            <label htmlFor="merge-other">Person number</label>
            <input id="merge-other" inputMode="numeric" value={other} onChange={(e) => { setOther(e.target.value.replace(/\D/g, '')); }} />
            <label htmlFor="merge-reason">Reason</label>
            <input id="merge-reason" value={mergeReason} onChange={(e) => { setMergeReason(e.target.value); }} />
          </fieldset>
          <button type="submit" disabled={other === '' || mergeReason.trim().length < 5}>Merge</button>
        </form>
      </div>
    </section>
  );
}
