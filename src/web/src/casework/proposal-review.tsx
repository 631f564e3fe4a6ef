import type { ProposalReview } from '../api/case-types.js';
import { Link } from '../components/link.js';
import { formatTime } from '../labels.js';
import { stepLabel, tierLabel } from './case-labels.js';
import { MatchFacts, RulesFired, StatusFacts } from './facts-panel.js';
import { GateList } from './gate-list.js';

/** What a reviewing officer weighs: the proposal, the facts, the gates, the rules that fired, the match confidence, and what blocks an approval. */
export function ProposalFacts({ item, headingLevel = 2 }: { item: ProposalReview; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const p = item.proposal;
  return (
    <>
      <p>
        <strong>{stepLabel(p.action)}</strong>{p.destination === null ? '' : ` to ${p.destination}`} on <Link href={`/cases/${item.case.caseId}`}>case {item.case.caseId}</Link> ({item.case.person.name}, {tierLabel(item.case.priority)}),
        proposed by {p.proposedBy} on {formatTime(p.proposedAt)}: “{p.reason}”
      </p>
      {item.blockers.length > 0 ? (
        <div className="blockers" role="note">
          <strong>An approval would be refused now:</strong>
          <ul>{item.blockers.map((b) => <li key={b.code}>{b.message}</li>)}</ul>
        </div>
      ) : null}
      <H>Facts</H>
      <StatusFacts status={item.facts} />
      <H>Gates for this action</H>
      <GateList gates={[item.gates]} caption={`Gates for ${p.action}`} />
      <H>Rules that fired</H>
      <RulesFired priority={item.prioritization} />
      <H>Match confidence</H>
      <MatchFacts match={item.matchConfidence} />
    </>
  );
}
