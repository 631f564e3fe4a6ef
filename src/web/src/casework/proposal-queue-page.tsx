import { api } from '../api/client.js';
import type { ProposalReview } from '../api/case-types.js';
import { ErrorNotice } from '../components/error-notice.js';
import { Link } from '../components/link.js';
import { PageTitle } from '../components/page-title.js';
import { useLoad } from '../pages/use-load.js';
import { stepLabel } from './case-labels.js';
import { ProposalFacts } from './proposal-review.js';
import './casework.css';

/** The reviewing officer's queue: proposals awaiting a decision, highest tier first, each with what must be weighed. */
export function ProposalQueuePage() {
  const { state } = useLoad(() => api<{ items: ProposalReview[] }>('GET', '/api/proposals?limit=50'), 'pending');
  return (
    <section>
      <PageTitle title="Decisions">Proposals awaiting a decision</PageTitle>
      <p className="lead">Every adverse action is proposed by one person and decided by another. Approval is refused while a legal gate holds or while the person’s records rest on an uncertain link a data steward has not confirmed.</p>
      {state.kind === 'loading' ? <p role="status">Loading proposals…</p> : state.kind === 'failed' ? <ErrorNotice error={state.error} /> : state.value.items.length === 0 ? (
        <p>No proposal awaits a decision.</p>
      ) : (
        <ul className="review-cards">
          {state.value.items.map((item) => (
            <li key={item.proposal.proposalId}>
              <h2><Link href={`/proposals/${item.proposal.proposalId}`}>Proposal {item.proposal.proposalId}: {stepLabel(item.proposal.action)}</Link></h2>
              <ProposalFacts item={item} headingLevel={3} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
