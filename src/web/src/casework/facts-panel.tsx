import type { MatchConfidence, Priority, StatusView } from '../api/case-types.js';
import { bandLabel, tierLabel } from './case-labels.js';

/** The derived status with the rule and records behind it, and every open question. */
export function StatusFacts({ status }: { status: StatusView }) {
  return (
    <div className="case-facts">
      <p><strong className="status-word">{status.status.replace(/-/g, ' ')}</strong>: {status.basis.explanation} <span className="support">{status.basis.citation}{status.basis.recordIds.length > 0 ? ` \u00b7 records ${status.basis.recordIds.map((id) => `#${id}`).join(', ')}` : ''}</span></p>
      {status.unsettled.length > 0 ? (
        <ul className="unsettled" aria-label="Questions the rules do not settle">
          {status.unsettled.map((f) => <li key={`${f.ruleId}${f.explanation}`}><strong>Unsettled:</strong> {f.explanation}</li>)}
        </ul>
      ) : null}
      <details>
        <summary>Every finding ({status.findings.length}{status.withheldFindings > 0 ? `, ${status.withheldFindings} withheld under your purpose` : ''})</summary>
        <ul className="findings">
          {status.findings.map((f) => <li key={`${f.ruleId}${f.explanation}`}>{f.explanation} <span className="support">{f.citation}{f.recordIds.length > 0 ? ` \u00b7 ${f.recordIds.map((id) => `#${id}`).join(', ')}` : ''}</span></li>)}
        </ul>
      </details>
    </div>
  );
}

/** The tier and every rule of the policy that fired, with its basis. */
export function RulesFired({ priority }: { priority: Priority }) {
  return (
    <div>
      <p><strong>{tierLabel(priority)}</strong> under {priority.policy.id} v{priority.policy.version}. {priority.explanation}</p>
      {priority.fired.length === 0 ? <p className="muted">No rule fired.</p> : (
        <ul className="rules" aria-label="Rules that fired">
          {priority.fired.map((r) => <li key={r.ruleId}><code>{r.ruleId}</code> ({r.tier === 'exempt' ? 'exempt' : `tier ${r.tier}`}): {r.description} <span className="support">{r.citation}</span></li>)}
        </ul>
      )}
    </div>
  );
}

/** How sure the linkage is that the records are one person. */
export function MatchFacts({ match }: { match: MatchConfidence }) {
  return (
    <div className={match.band === 'uncertain-unconfirmed' ? 'match match-warn' : 'match'}>
      <p>
        <strong>{bandLabel(match.band)}.</strong> {match.recordCount} record{match.recordCount === 1 ? '' : 's'}
        {match.lowestMatchProbability === undefined ? '' : `; the weakest link has probability ${match.lowestMatchProbability.toFixed(3)}`}.
      </p>
      {match.uncertainLinks.length > 0 ? (
        <ul aria-label="Uncertain links">
          {match.uncertainLinks.map((l) => (
            <li key={l.recordIds.join('~')}>
              Records #{l.recordIds[0]} and #{l.recordIds[1]}{l.matchProbability === undefined ? '' : `, probability ${l.matchProbability.toFixed(3)}`}:{' '}
              {l.stewardConfirmation === undefined ? 'awaiting a data steward' : `confirmed by ${l.stewardConfirmation.by}`}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
