import type { CaseEvent, CaseState, ClosureReason } from '../core/cases/index.js';
import { DocketError } from '../core/errors/index.js';
import type { AdverseAction } from '../core/gates/index.js';
import type { Prioritization } from '../core/policy/index.js';
import type { Proposal, ReviewDecision } from '../core/review/index.js';
import type { Queryable } from './database.js';

/** A case as stored: where it stands, and its priority when last evaluated. */
export interface CaseRow {
  readonly caseId: number;
  /** The entity the case was opened on; after a merge the person's records live in its successor. */
  readonly entityId: number;
  readonly state: CaseState;
  readonly closure: ClosureReason | null;
  readonly events: number;
  readonly priorityTier: number | null;
  readonly priority: Prioritization;
  readonly prioritizedAt: string;
  readonly identifiedAt: string;
  readonly updatedAt: string;
}

/** A proposal with its decision, and the case event that spent its approval, if any. */
export interface ProposalRow {
  readonly proposal: Proposal;
  readonly decision: ReviewDecision | undefined;
  readonly spentIn: { readonly caseId: number; readonly sequence: number } | undefined;
}

export interface PolicyRow {
  readonly id: number;
  readonly policy: string;
  readonly version: number;
  readonly text: string;
  readonly sha256: string;
  readonly storedBy: string;
  readonly active: boolean;
  readonly activatedAt: string | null;
}

export interface DepartureAlertRow {
  readonly grantRecordId: number;
  readonly deadline: string;
  readonly entityId: number;
  readonly daysLeft: number;
  readonly raisedAt: string;
}

interface CaseDbRow {
  id: number;
  entity_id: number;
  state: CaseState;
  closure: ClosureReason | null;
  events: number;
  priority_tier: number | null;
  priority: Prioritization;
  prioritized_at: Date;
  identified_at: Date;
  updated_at: Date;
}

interface ProposalDbRow {
  id: number;
  case_id: number;
  proposal: Omit<Proposal, 'proposalId'>;
  decision: ReviewDecision | null;
  spent_case: number | null;
  spent_sequence: number | null;
}

const toCase = (row: CaseDbRow): CaseRow => ({
  caseId: row.id,
  entityId: row.entity_id,
  state: row.state,
  closure: row.closure,
  events: row.events,
  priorityTier: row.priority_tier,
  priority: row.priority,
  prioritizedAt: row.prioritized_at.toISOString(),
  identifiedAt: row.identified_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

const toProposal = (row: ProposalDbRow): ProposalRow => ({
  // The id is the row's; the stored document is written before the row has one.
  proposal: { ...row.proposal, proposalId: String(row.id), caseId: String(row.case_id) },
  decision: row.decision ?? undefined,
  spentIn: row.spent_case === null || row.spent_sequence === null ? undefined : { caseId: row.spent_case, sequence: row.spent_sequence },
});

const caseColumns = 'c.id, c.entity_id, c.state, c.closure, c.events, c.priority_tier, c.priority, c.prioritized_at, c.identified_at, c.updated_at';

const proposalSelect = `
  SELECT p.id, p.case_id, p.proposal, d.decision, e.case_id AS spent_case, e.sequence AS spent_sequence
    FROM proposals p
    LEFT JOIN proposal_decisions d ON d.proposal_id = p.id
    LEFT JOIN case_events e ON e.event->'approval' IS NOT NULL AND e.event->'approval'->>'proposalId' = p.id::text`;

/** The SQLSTATE a driver error carries, when it carries one. */
function sqlState(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/** Case files, their events, proposals and decisions, policies and departure alerts. */
export const CaseStore = {
  /** Opens a case row in `identified`; its identification event follows with `append`. One open case per person. */
  async create(tx: Queryable, input: { entityId: number; at: string; priority: Prioritization; priorityTier: number | null }): Promise<number> {
    try {
      const row = (await tx.query<{ id: number }>(
        `INSERT INTO cases (entity_id, state, priority_tier, priority, prioritized_at, identified_at, updated_at)
         VALUES ($1, 'identified', $2, $3, $4, $4, $4) RETURNING id`,
        [input.entityId, input.priorityTier, JSON.stringify(input.priority), input.at],
      )).at(0);
      if (row === undefined) throw new Error('INSERT … RETURNING returned no row');
      return row.id;
    } catch (error) {
      if (sqlState(error) === '23505') {
        throw new DocketError('conflict', `person ${input.entityId} already has an open case`, { hint: 'work the open case (docket cases list) instead of opening another', details: { entityId: input.entityId } });
      }
      throw error;
    }
  },

  /**
   * Stores the next event of a case and moves the case to the event's state. The event must be the
   * one after the last stored; a writer that lost a race is refused, never interleaved.
   */
  async append(tx: Queryable, caseId: number, event: CaseEvent): Promise<void> {
    const moved = await tx.query<{ id: number }>(
      'UPDATE cases SET state = $3, closure = $4, events = $2 + 1, updated_at = $5 WHERE id = $1 AND events = $2 RETURNING id',
      [caseId, event.sequence - 1, event.to, event.to === 'closed' ? (event.closure ?? null) : null, event.at],
    );
    if (moved.length === 0) {
      throw new DocketError('conflict', `case ${caseId} changed while this step was being decided`, { hint: 'reload the case and decide again', details: { caseId, sequence: event.sequence } });
    }
    try {
      await tx.query(
        'INSERT INTO case_events (case_id, sequence, transition, from_state, to_state, actor, at, event) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
        [caseId, event.sequence, event.transition, event.from, event.to, event.actor.userId, event.at, JSON.stringify(event)],
      );
    } catch (error) {
      const state = sqlState(error);
      if (state === '23505') throw new DocketError('conflict', `proposal ${event.approval?.proposalId ?? ''} has already been acted on`, { details: { caseId } });
      if (state === '23514') throw new DocketError('refused', `case ${caseId}: an approval must come from someone other than the proposer`, { details: { caseId, rule: 'review.self-review' } });
      throw error;
    }
  },

  /** The case, locked for the rest of the transaction so its next step is decided once. */
  async lock(tx: Queryable, caseId: number): Promise<CaseRow | undefined> {
    const row = (await tx.query<CaseDbRow>(`SELECT ${caseColumns} FROM cases c WHERE c.id = $1 FOR UPDATE`, [caseId])).at(0);
    return row === undefined ? undefined : toCase(row);
  },

  async get(db: Queryable, caseId: number): Promise<CaseRow | undefined> {
    const row = (await db.query<CaseDbRow>(`SELECT ${caseColumns} FROM cases c WHERE c.id = $1`, [caseId])).at(0);
    return row === undefined ? undefined : toCase(row);
  },

  /** Every event of a case, in order. */
  async events(db: Queryable, caseId: number): Promise<CaseEvent[]> {
    const rows = await db.query<{ event: CaseEvent }>('SELECT event FROM case_events WHERE case_id = $1 ORDER BY sequence', [caseId]);
    return rows.map((r) => r.event);
  },

  /** Open cases on these people, including cases opened on entities since merged into them. */
  async openOn(db: Queryable, entityIds: readonly number[]): Promise<CaseRow[]> {
    return (await CaseStore.casesOn(db, entityIds)).filter((c) => c.state !== 'closed');
  },

  /** Every case on these people, open or closed, including cases opened on entities since merged into them. */
  async casesOn(db: Queryable, entityIds: readonly number[]): Promise<CaseRow[]> {
    if (entityIds.length === 0) return [];
    const rows = await db.query<CaseDbRow>(
      `WITH RECURSIVE lineage(id) AS (
         SELECT unnest($1::bigint[])
         UNION SELECT e.id FROM entities e JOIN lineage l ON e.retired_into = l.id
       )
       SELECT ${caseColumns} FROM cases c WHERE c.entity_id IN (SELECT id FROM lineage) ORDER BY c.id`,
      [[...entityIds]],
    );
    return rows.map(toCase);
  },

  /** Cases in queue order: the highest tier (lowest number) first, then the oldest; cases without a tier last. */
  async list(db: Queryable, filter: { readonly states?: readonly CaseState[]; readonly open?: boolean; readonly limit: number; readonly offset?: number }): Promise<CaseRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.open === true) where.push(`c.state <> 'closed'`);
    if (filter.open === false) where.push(`c.state = 'closed'`);
    if (filter.states !== undefined) {
      params.push([...filter.states]);
      where.push(`c.state = ANY($${params.length}::text[])`);
    }
    params.push(filter.limit, filter.offset ?? 0);
    const rows = await db.query<CaseDbRow>(
      `SELECT ${caseColumns} FROM cases c ${where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`}
        ORDER BY c.priority_tier ASC NULLS LAST, c.identified_at ASC, c.id ASC LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    return rows.map(toCase);
  },

  /** How many cases are in each state. */
  async countByState(db: Queryable): Promise<Record<string, number>> {
    const rows = await db.query<{ state: string; n: number }>('SELECT state, count(*)::int AS n FROM cases GROUP BY state');
    return Object.fromEntries(rows.map((r) => [r.state, r.n]));
  },

  async setPriority(tx: Queryable, caseId: number, priority: Prioritization, at: string): Promise<void> {
    const tier = priority.outcome.kind === 'tier' ? priority.outcome.tier : null;
    await tx.query('UPDATE cases SET priority_tier = $2, priority = $3, prioritized_at = $4 WHERE id = $1', [caseId, tier, JSON.stringify(priority), at]);
  },

  /** Stores a proposal; its id is the row's. */
  async addProposal(tx: Queryable, caseId: number, proposal: Proposal): Promise<number> {
    const { proposalId: _id, caseId: _case, ...document } = proposal;
    const row = (await tx.query<{ id: number }>(
      'INSERT INTO proposals (case_id, action, proposed_by, proposed_at, proposal) VALUES ($1, $2, $3, $4, $5) RETURNING id',
      [caseId, proposal.action, proposal.proposedBy, proposal.proposedAt, JSON.stringify(document)],
    )).at(0);
    if (row === undefined) throw new Error('INSERT … RETURNING returned no row');
    return row.id;
  },

  async proposal(db: Queryable, proposalId: number): Promise<ProposalRow | undefined> {
    const row = (await db.query<ProposalDbRow>(`${proposalSelect} WHERE p.id = $1`, [proposalId])).at(0);
    return row === undefined ? undefined : toProposal(row);
  },

  /** Proposals of one case, oldest first. */
  async proposalsOf(db: Queryable, caseId: number): Promise<ProposalRow[]> {
    return (await db.query<ProposalDbRow>(`${proposalSelect} WHERE p.case_id = $1 ORDER BY p.id`, [caseId])).map(toProposal);
  },

  /** Proposals awaiting a decision, for the reviewer's queue: the case's tier first, then the oldest. */
  async pendingProposals(db: Queryable, limit: number): Promise<ProposalRow[]> {
    const rows = await db.query<ProposalDbRow>(
      `${proposalSelect} JOIN cases c ON c.id = p.case_id
        WHERE d.proposal_id IS NULL AND c.state <> 'closed'
        ORDER BY c.priority_tier ASC NULLS LAST, p.proposed_at ASC, p.id ASC LIMIT $1`,
      [limit],
    );
    return rows.map(toProposal);
  },

  /** Decided proposals, newest first. */
  async decidedProposals(db: Queryable, limit: number): Promise<ProposalRow[]> {
    const rows = await db.query<ProposalDbRow>(`${proposalSelect} WHERE d.proposal_id IS NOT NULL ORDER BY d.decided_at DESC, p.id DESC LIMIT $1`, [limit]);
    return rows.map(toProposal);
  },

  /** Undecided proposals of one action on one case (to keep a case from holding two at once). */
  async pendingOf(db: Queryable, caseId: number, action: AdverseAction): Promise<number[]> {
    const rows = await db.query<{ id: number }>(
      `SELECT p.id FROM proposals p LEFT JOIN proposal_decisions d ON d.proposal_id = p.id WHERE p.case_id = $1 AND p.action = $2 AND d.proposal_id IS NULL`,
      [caseId, action],
    );
    return rows.map((r) => r.id);
  },

  /** Records a reviewer's decision: one per proposal, never by the proposer (the database refuses both too). */
  async addDecision(tx: Queryable, proposalId: number, decision: ReviewDecision): Promise<void> {
    try {
      await tx.query(
        'INSERT INTO proposal_decisions (proposal_id, verdict, reviewer, decided_at, decision) VALUES ($1, $2, $3, $4, $5)',
        [proposalId, decision.verdict, decision.reviewer, decision.decidedAt, JSON.stringify(decision)],
      );
    } catch (error) {
      const state = sqlState(error);
      if (state === '23505') throw new DocketError('conflict', `proposal ${proposalId} has already been decided`, { hint: 'reload the reviewer\'s queue', details: { proposalId } });
      if (state === '23514') throw new DocketError('refused', `proposal ${proposalId} may not be decided by the person who proposed it`, { details: { proposalId, rule: 'review.self-review' } });
      throw error;
    }
  },

  async activePolicy(db: Queryable): Promise<PolicyRow | undefined> {
    return (await db.query<PolicyDbRow>('SELECT * FROM policies WHERE active')).map(toPolicy).at(0);
  },

  async policyVersion(db: Queryable, policy: string, version: number): Promise<PolicyRow | undefined> {
    return (await db.query<PolicyDbRow>('SELECT * FROM policies WHERE policy = $1 AND version = $2', [policy, version])).map(toPolicy).at(0);
  },

  async policies(db: Queryable): Promise<PolicyRow[]> {
    return (await db.query<PolicyDbRow>('SELECT * FROM policies ORDER BY policy, version')).map(toPolicy);
  },

  /** Stores a policy version (when new) and makes it the one in force. */
  async activatePolicy(tx: Queryable, input: { policy: string; version: number; text: string; sha256: string; by: string }): Promise<PolicyRow> {
    const existing = (await tx.query<PolicyDbRow>('SELECT * FROM policies WHERE policy = $1 AND version = $2 FOR UPDATE', [input.policy, input.version])).at(0);
    if (existing !== undefined && existing.sha256 !== input.sha256) {
      throw new DocketError('conflict', `${input.policy} version ${input.version} is already stored with other rules`, { hint: 'a published version never changes: give the new rules a new version number', details: { policy: input.policy, version: input.version } });
    }
    await tx.query('UPDATE policies SET active = false WHERE active');
    const id = existing?.id ?? (await tx.query<{ id: number }>(
      'INSERT INTO policies (policy, version, text, sha256, stored_by) VALUES ($1, $2, $3, $4, $5) RETURNING id',
      [input.policy, input.version, input.text, input.sha256, input.by],
    )).at(0)?.id;
    const row = (await tx.query<PolicyDbRow>('UPDATE policies SET active = true, activated_at = now() WHERE id = $1 RETURNING *', [id])).at(0);
    if (row === undefined) throw new Error('UPDATE … RETURNING returned no row');
    return toPolicy(row);
  },

  /** Raises the alerts not raised before; returns those that are new. */
  async raiseAlerts(tx: Queryable, alerts: readonly { grantRecordId: number; deadline: string; entityId: number; daysLeft: number }[]): Promise<DepartureAlertRow[]> {
    if (alerts.length === 0) return [];
    const rows = await tx.query<{ grant_record_id: number; deadline: string; entity_id: number; days_left: number; raised_at: Date }>(
      `INSERT INTO departure_alerts (grant_record_id, deadline, entity_id, days_left)
       SELECT * FROM unnest($1::bigint[], $2::date[], $3::bigint[], $4::int[])
       ON CONFLICT DO NOTHING RETURNING *`,
      [alerts.map((a) => a.grantRecordId), alerts.map((a) => a.deadline), alerts.map((a) => a.entityId), alerts.map((a) => a.daysLeft)],
    );
    return rows.map((r) => ({ grantRecordId: r.grant_record_id, deadline: r.deadline, entityId: r.entity_id, daysLeft: r.days_left, raisedAt: r.raised_at.toISOString() }));
  },

  async alerts(db: Queryable, limit: number): Promise<DepartureAlertRow[]> {
    const rows = await db.query<{ grant_record_id: number; deadline: string; entity_id: number; days_left: number; raised_at: Date }>(
      'SELECT * FROM departure_alerts ORDER BY raised_at DESC, deadline LIMIT $1', [limit],
    );
    return rows.map((r) => ({ grantRecordId: r.grant_record_id, deadline: r.deadline, entityId: r.entity_id, daysLeft: r.days_left, raisedAt: r.raised_at.toISOString() }));
  },
};

interface PolicyDbRow {
  id: number;
  policy: string;
  version: number;
  text: string;
  sha256: string;
  stored_by: string;
  active: boolean;
  activated_at: Date | null;
}

function toPolicy(row: PolicyDbRow): PolicyRow {
  return { id: row.id, policy: row.policy, version: row.version, text: row.text, sha256: row.sha256, storedBy: row.stored_by, active: row.active, activatedAt: row.activated_at?.toISOString() ?? null };
}
