import { useState, type SubmitEvent } from 'react';
import { api } from '../api/client.js';
import type { SearchResult } from '../api/types.js';
import { ErrorNotice } from '../components/error-notice.js';
import { Link } from '../components/link.js';
import { PageTitle } from '../components/page-title.js';
import { purposeText } from '../labels.js';
import { navigate } from '../router.js';
import { useSession } from '../session.js';
import { useLoad } from './use-load.js';

export function SearchPage({ initialQuery }: { initialQuery: string }) {
  const { session } = useSession();
  const [text, setText] = useState(initialQuery);
  const query = initialQuery.trim();
  const { state } = useLoad<SearchResult | undefined>(
    () => (query.length < 2 ? Promise.resolve(undefined) : api<SearchResult>('GET', `/api/search?q=${encodeURIComponent(query)}`)),
    query,
  );
  const result = state.kind === 'ready' ? state.value : undefined;
  const busy = state.kind === 'loading' && query.length >= 2;

  const submit = (event: SubmitEvent): void => {
    event.preventDefault();
    navigate(`/search?q=${encodeURIComponent(text.trim())}`);
  };

  return (
    <section>
      <PageTitle title="Search">Search people</PageTitle>
      <form className="search-form" role="search" onSubmit={submit}>
        <label htmlFor="q">Name, alias, document number or date of birth</label>
        <div className="search-row">
          <input id="q" name="q" type="search" autoComplete="off" spellCheck={false} minLength={2} value={text} onChange={(e) => { setText(e.target.value); }} aria-describedby="search-help" />
          <button type="submit" disabled={text.trim().length < 2}>Search</button>
        </div>
        <p id="search-help" className="help">Spellings, transliterations and nicknames are matched (Muhammad finds Mohamed, Сергей finds Sergei, Bob finds Robert). Searching for: {session.purpose === null ? 'no purpose' : purposeText(session.purpose)}.</p>
      </form>
      {state.kind === 'failed' ? <ErrorNotice error={state.error} /> : null}
      <div aria-live="polite" className="search-status">
        {busy ? 'Searching…' : result === undefined ? '' : `${result.hits.length} ${result.hits.length === 1 ? 'person' : 'people'} found for “${result.query}”`}
      </div>
      {result !== undefined && result.hits.length > 0 ? (
        <ol className="hits">
          {result.hits.map((hit) => (
            <li key={hit.personId} className="hit">
              <div className="hit-head">
                <Link href={`/persons/${hit.personId}`} className="hit-name">{hit.name}</Link>
                <span className="hit-dob">{hit.dateOfBirth === null ? 'date of birth unknown' : `born ${hit.dateOfBirth}`}</span>
                <span className="hit-score" title="Search score: the evidence that matched">score {hit.score.toFixed(2)}</span>
              </div>
              <ul className="reasons" aria-label="Why this person matched">
                {hit.reasons.map((reason) => <li key={reason}>{reason}</li>)}
              </ul>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
