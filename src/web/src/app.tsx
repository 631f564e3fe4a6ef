import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, setCsrfToken } from './api/client.js';
import type { SessionInfo } from './api/types.js';
import { Link } from './components/link.js';
import { purposeText, roleLabel } from './labels.js';
import { CasePage } from './casework/case-page.js';
import { CaseQueuePage } from './casework/case-queue-page.js';
import { ProposalPage } from './casework/proposal-page.js';
import { ProposalQueuePage } from './casework/proposal-queue-page.js';
import { ActivityPage } from './pages/activity-page.js';
import { DashboardPage } from './pages/dashboard-page.js';
import { PersonPage } from './pages/person-page.js';
import { PurposePage } from './pages/purpose-page.js';
import { ReviewListPage } from './pages/review-list-page.js';
import { ReviewPage } from './pages/review-page.js';
import { SearchPage } from './pages/search-page.js';
import { SignInPage } from './pages/sign-in-page.js';
import { navigate, useRoute, type Route } from './router.js';
import { can, homeOf, SessionContext } from './session.js';

type Loaded = { readonly kind: 'loading' } | { readonly kind: 'signed-out' } | { readonly kind: 'signed-in'; readonly session: SessionInfo };


export function App() {
  const route = useRoute();
  const [state, setState] = useState<Loaded>({ kind: 'loading' });

  const accept = useCallback((session: SessionInfo) => {
    setCsrfToken(session.csrfToken);
    setState({ kind: 'signed-in', session });
  }, []);

  useEffect(() => {
    api<SessionInfo>('GET', '/api/session').then(accept, (error: unknown) => {
      if (error instanceof ApiError && error.status === 401) setState({ kind: 'signed-out' });
      else setState({ kind: 'signed-out' });
    });
  }, [accept]);

  const signOut = useCallback(async () => {
    await api('DELETE', '/api/session').catch(() => undefined);
    setCsrfToken(undefined);
    setState({ kind: 'signed-out' });
    navigate('/sign-in');
  }, []);

  if (state.kind === 'loading') return <p className="loading" role="status">Loading Docket…</p>;
  if (state.kind === 'signed-out') {
    return (
      <SignInPage onSignedIn={(session) => {
        accept(session);
        navigate(homeOf(session), { replace: true });
      }} />
    );
  }
  const { session } = state;
  return (
    <SessionContext.Provider value={{ session, update: accept, signOut }}>
      <a className="skip-link" href="#main">Skip to content</a>
      <header className="top">
        <div className="brand">
          <Link href={homeOf(session)}>Docket</Link>
        </div>
        <nav aria-label="Main">
          <ul>
            {can(session, 'person.search') ? <li><Link href="/search" aria-current={route.page === 'search' || route.page === 'person' ? 'page' : undefined}>Search</Link></li> : null}
            {can(session, 'dashboard.read') ? <li><Link href="/dashboard" aria-current={route.page === 'dashboard' ? 'page' : undefined}>Dashboard</Link></li> : null}
            {can(session, 'review.read') ? <li><Link href="/reviews" aria-current={route.page === 'reviews' || route.page === 'review' ? 'page' : undefined}>Review</Link></li> : null}
            {can(session, 'case.read') ? <li><Link href="/cases" aria-current={route.page === 'cases' || route.page === 'case' ? 'page' : undefined}>Cases</Link></li> : null}
            {can(session, 'case.decide') ? <li><Link href="/proposals" aria-current={route.page === 'proposals' || route.page === 'proposal' ? 'page' : undefined}>Decisions</Link></li> : null}
            <li><Link href="/activity" aria-current={route.page === 'activity' ? 'page' : undefined}>{can(session, 'ledger.read-all') ? 'Audit ledger' : 'My activity'}</Link></li>
          </ul>
        </nav>
        <div className="who">
          <span className="who-name">{session.displayName}</span>
          <span className="who-role">{roleLabel(session.role)}</span>
          {session.purposes.length > 0 ? (
            <Link className="who-purpose" href="/purpose" aria-label={`Purpose of use: ${session.purpose === null ? 'none declared' : purposeText(session.purpose)}. Change it`}>
              Purpose: {session.purpose === null ? 'none' : purposeText(session.purpose)}
            </Link>
          ) : null}
          <button type="button" className="button-quiet" onClick={() => void signOut()}>Sign out</button>
        </div>
      </header>
      <main id="main">
        <Page route={route} session={session} />
      </main>
    </SessionContext.Provider>
  );
}

function Page({ route, session }: { route: Route; session: SessionInfo }) {
  const needsPurpose = session.purposes.length > 0 && session.purpose === null;
  switch (route.page) {
    case 'sign-in':
      return <Redirect to={homeOf(session)} />;
    case 'purpose':
      return <PurposePage />;
    case 'search':
      if (!can(session, 'person.search')) return <Redirect to={homeOf(session)} />;
      return needsPurpose ? <Redirect to="/purpose" /> : <SearchPage initialQuery={route.q} />;
    case 'person':
      return needsPurpose ? <Redirect to="/purpose" /> : <PersonPage id={route.id} />;
    case 'dashboard':
      return <DashboardPage />;
    case 'reviews':
      return needsPurpose ? <Redirect to="/purpose" /> : <ReviewListPage />;
    case 'review':
      return needsPurpose ? <Redirect to="/purpose" /> : <ReviewPage id={route.id} />;
    case 'activity':
      return <ActivityPage />;
    case 'cases':
      return needsPurpose ? <Redirect to="/purpose" /> : <CaseQueuePage />;
    case 'case':
      return needsPurpose ? <Redirect to="/purpose" /> : <CasePage id={route.id} />;
    case 'proposals':
      return needsPurpose ? <Redirect to="/purpose" /> : <ProposalQueuePage />;
    case 'proposal':
      return needsPurpose ? <Redirect to="/purpose" /> : <ProposalPage id={route.id} />;
    case 'not-found':
      return (
        <section>
          <h1>Nothing here</h1>
          <p>This address does not lead to a page. <Link href={homeOf(session)}>Go to the start page</Link>.</p>
        </section>
      );
  }
}

function Redirect({ to }: { to: string }) {
  useEffect(() => {
    navigate(to, { replace: true });
  }, [to]);
  return null;
}
