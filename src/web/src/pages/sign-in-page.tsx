import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { api } from '../api/client.js';
import type { SessionInfo } from '../api/types.js';
import { ErrorNotice } from '../components/error-notice.js';

export function SignInPage({ onSignedIn }: { onSignedIn: (session: SessionInfo) => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => {
    document.title = 'Sign in · Docket';
    first.current?.focus();
  }, []);

  const submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      onSignedIn(await api<SessionInfo>('POST', '/api/session', { username, password }));
    } catch (e) {
      setError(e);
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main" className="sign-in">
      <div className="sign-in-card">
        <h1>Docket</h1>
        <p className="lead">Sign in with your Docket account. Every search and every record you open is written to the audit ledger with your name, role and purpose.</p>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <label htmlFor="username">User name</label>
          <input id="username" ref={first} name="username" autoComplete="username" autoCapitalize="none" spellCheck={false} required value={username} onChange={(e) => { setUsername(e.target.value); }} />
          <label htmlFor="password">Password</label>
          <input id="password" name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => { setPassword(e.target.value); }} />
          <ErrorNotice error={error} />
          <button type="submit" disabled={busy || username === '' || password === ''}>{busy ? 'Signing in…' : 'Sign in'}</button>
        </form>
      </div>
    </main>
  );
}
