import { useState, type SubmitEvent } from 'react';
import { api } from '../api/client.js';
import type { SessionInfo } from '../api/types.js';
import { ErrorNotice } from '../components/error-notice.js';
import { PageTitle } from '../components/page-title.js';
import { purposeText } from '../labels.js';
import { navigate } from '../router.js';
import { homeOf, useSession } from '../session.js';

const explanation: Readonly<Record<string, string>> = {
  'case-processing': 'Working a case assigned to you: identification, evidence, proposed actions.',
  'identity-resolution': 'Establishing who a person is across records from different sources.',
  'legal-status-determination': 'Establishing a person’s legal status, holds and protections.',
  'departure-verification': 'Confirming that a person has left, from departure records and manifests.',
  'removal-logistics': 'Planning travel and capacity for a decided departure or removal.',
  'data-quality': 'Checking and correcting the data: uncertain matches, quarantined rows, sources.',
  'challenge-and-correction': 'Answering a person’s challenge or request for correction.',
  'oversight-audit': 'Independent oversight of how Docket is used.',
};

export function PurposePage() {
  const { session, update } = useSession();
  const [chosen, setChosen] = useState(session.purpose ?? '');
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);

  if (session.purposes.length === 0) {
    return (
      <section>
        <PageTitle title="Purpose of use">Purpose of use</PageTitle>
        <p>Your role does not read person data, so it declares no purpose of use.</p>
      </section>
    );
  }

  const submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const updated = await api<SessionInfo>('PUT', '/api/session/purpose', { purpose: chosen });
      update(updated);
      navigate(homeOf(updated));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="narrow">
      <PageTitle title="Purpose of use">Why are you looking?</PageTitle>
      <p className="lead">Docket shows person data only for a declared purpose, and only from sources whose registration permits it. The purpose, the law it rests on, and each search and record you open are written to the audit ledger.</p>
      <form onSubmit={(e) => void submit(e)}>
        <fieldset>
          <legend>Purpose of use for this session</legend>
          {session.purposes.map(({ purpose, legalBasis }) => (
            <label key={purpose} className="choice">
              <input type="radio" name="purpose" value={purpose} checked={chosen === purpose} onChange={() => { setChosen(purpose); }} />
              <span>
                <strong>{purposeText(purpose)}</strong>
                <span className="choice-help">{explanation[purpose] ?? ''} Legal basis: {legalBasis}.</span>
              </span>
            </label>
          ))}
        </fieldset>
        <ErrorNotice error={error} />
        <button type="submit" disabled={busy || chosen === ''}>Continue</button>
      </form>
    </section>
  );
}
