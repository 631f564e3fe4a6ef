import { CaseFile, decideTransition, haltBlockedRemoval, identifyCase, Transition, type CaseEvent, type ExitReason, type TransitionKind } from '../core/cases/index.js';
import { closeOnVerifiedDeparture, watchVoluntaryDepartures } from '../core/departures/index.js';
import { DocketError } from '../core/errors/index.js';
import { AdverseAction, checkRemovalCheckpoint, evaluateGates, type GateReport, type RemovalCheckpoint } from '../core/gates/index.js';
import { prioritize, type Prioritization } from '../core/policy/index.js';
import { decideProposal, matchConfidence, propose, reviewerView, User, type EvidenceRef, type ReviewDecision } from '../core/review/index.js';
import { deriveStatus, type DeriveOptions } from '../core/status/index.js';
import { CaseStore, type CaseRow, type ProposalRow, type Queryable, type Store } from '../store/index.js';
import { CaseAction } from './case-action.js';
import { CaseActor } from './case-actor.js';
import {
  caseSummary, gateView, nextSteps, personSummary, priorityView, proposalView, statusView, Visibility,
  type CaseDetail, type CaseSummary, type GateView, type PersonSummary, type ProposalView, type ReviewItem, type StatusView,
} from './case-views.js';
import { PersonLoader, type LoadedPerson } from './person-loader.js';
import { Policies } from './policies.js';

export interface CaseworkOptions {
  /** The clock every decision is dated by; the real one unless a test sets it. */
  readonly now?: () => Date;
  readonly derive?: DeriveOptions;
  /** Days before a voluntary-departure deadline that a case page shows an alert. Default 14. */
  readonly alertDays?: number;
}

export interface IdentifyReport {
  readonly policy: { readonly id: string; readonly version: number };
  readonly at: string;
  /** Active people read. */
  readonly scanned: number;
  /** People the policy places in a tier (up to `maxTier`), with or without a case. */
  readonly prioritized: Readonly<Record<string, number>>;
  readonly alreadyOpen: number;
  readonly identified: readonly { readonly caseId: number; readonly entityId: number; readonly tier: number }[];
  readonly refused: readonly { readonly entityId: number; readonly reason: string }[];
}

export interface CheckpointResult {
  readonly checkpoint: RemovalCheckpoint;
  readonly gates: GateView;
  /** The halt the checkpoint made when a gate held; the case is back at order-final. */
  readonly halted: CaseEvent | null;
}

export interface PersonCases {
  readonly person: PersonSummary;
  readonly status: StatusView;
  readonly gates: readonly GateView[];
  readonly cases: readonly CaseSummary[];
  readonly at: string;
}

export interface RecheckReport {
  readonly cases: number;
  readonly halted: readonly number[];
  readonly closed: readonly number[];
  readonly reprioritized: readonly number[];
}

export interface TransitionInput {
  readonly transition: Exclude<TransitionKind, 'identify'>;
  readonly reason: string;
  readonly evidence?: readonly EvidenceRef[];
  readonly closure?: ExitReason;
  /** The approved proposal to carry out; by default the latest approved, unused one for the action. */
  readonly proposalId?: number;
}

const caseNotFound = (caseId: number): DocketError =>
  new DocketError('not-found', `no case ${caseId}`, { hint: 'list the cases (docket cases list) to find its number', details: { caseId } });

/** A refusal by the case rules, with every reason, and the gates that held when there were any. */
function refusedBy(reasons: readonly string[], gates: GateReport | undefined, extra: Readonly<Record<string, unknown>> = {}): DocketError {
  return new DocketError('refused', reasons.join(' '), {
    details: { reasons: [...reasons], ...(gates === undefined ? {} : { check: gates.check, holding: gates.holding.map((r) => r.gate) }), ...extra },
  });
}

/**
 * Casework: identification under the active policy, two-person review of adverse actions, the case
 * state machine, removal checkpoints and re-checks when records change. Reads and writes go through
 * the store; every decision is the core's (`identifyCase`, `decideProposal`, `decideTransition`, the
 * gates); every change commits with its ledger entry. The rules read all of a person's records (a
 * withheld record could hold a gate); what a reader is shown is limited to their purpose of use.
 */
export class Casework {
  private readonly now: () => Date;

  constructor(private readonly store: Store, private readonly options: CaseworkOptions = {}) {
    this.now = options.now ?? (() => new Date());
  }

  /** Opens a case on a person the active policy places in a tier; refused when a gate holds or the policy does not. */
  async identify(actor: CaseActor, entityId: number, reason: string, evidence: readonly EvidenceRef[] = []): Promise<CaseSummary> {
    const at = this.now().toISOString();
    const caseId = await this.store.audited(actor.audit, CaseAction.identify, `person:${entityId}`, async (tx) => {
      const loaded = await PersonLoader.load(tx, entityId);
      if (loaded === undefined) throw new DocketError('not-found', `no person ${entityId}`, { details: { entityId } });
      const person = { ...loaded.person, personId: String(loaded.entityId) };
      const status = deriveStatus(person, at, this.options.derive);
      const gates = evaluateGates(status, { check: 'open-case' });
      if (!gates.clear) throw refusedBy([gates.summary], gates);
      const { policy } = await Policies.active(tx);
      const prioritization = prioritize(policy, person, status);
      if (prioritization.outcome.kind !== 'tier') {
        throw new DocketError('refused', `person ${loaded.entityId} is not prioritized under ${policy.policy} v${policy.version}: ${prioritization.explanation}`, { details: { outcome: prioritization.outcome.kind } });
      }
      const id = await CaseStore.create(tx, { entityId: loaded.entityId, at, priority: prioritization, priorityTier: prioritization.outcome.tier });
      const decision = identifyCase({ caseId: String(id), actor: actor.user, at, reason, evidence }, person, this.options.derive);
      if (decision.kind === 'refused') throw refusedBy(decision.reasons, decision.gates);
      await CaseStore.append(tx, id, decision.event);
      return {
        value: id,
        details: { caseId: id, entityId: loaded.entityId, reason, tier: prioritization.outcome.tier, rules: prioritization.fired.map((h) => h.ruleId), policy: prioritization.policy },
      };
    });
    return this.summary(caseId, actor.audit.purpose);
  }

  /**
   * Identifies cases from the active policy: every active person without an open case whom the policy
   * places in a tier (up to `maxTier`), highest tier first, at most `limit`. Each case is its own
   * decision with its own ledger entry; a refusal (a gate) is reported and the rest go on.
   */
  async identifyFromPolicy(actor: CaseActor, options: { readonly limit?: number; readonly maxTier?: number } = {}): Promise<IdentifyReport> {
    const at = this.now().toISOString();
    const { policy } = await Policies.active(this.store.db);
    const open = new Set((await CaseStore.list(this.store.db, { open: true, limit: Number.MAX_SAFE_INTEGER })).map((c) => c.entityId));
    const candidates: { entityId: number; tier: number; explanation: string }[] = [];
    const prioritized: Record<string, number> = {};
    let scanned = 0;
    let alreadyOpen = 0;
    for await (const loaded of PersonLoader.all(this.store.db)) {
      scanned++;
      const status = deriveStatus(loaded.person, at, this.options.derive);
      const placed = prioritize(policy, loaded.person, status);
      if (placed.outcome.kind !== 'tier' || placed.outcome.tier > (options.maxTier ?? Number.MAX_SAFE_INTEGER)) continue;
      prioritized[`tier-${placed.outcome.tier}`] = (prioritized[`tier-${placed.outcome.tier}`] ?? 0) + 1;
      if (open.has(loaded.entityId)) {
        alreadyOpen++;
        continue;
      }
      candidates.push({ entityId: loaded.entityId, tier: placed.outcome.tier, explanation: placed.explanation });
    }
    candidates.sort((a, b) => a.tier - b.tier || a.entityId - b.entityId);
    const identified: IdentifyReport['identified'][number][] = [];
    const refused: IdentifyReport['refused'][number][] = [];
    for (const candidate of candidates.slice(0, options.limit ?? candidates.length)) {
      try {
        const opened = await this.identify(actor, candidate.entityId, `Identified under ${policy.policy} v${policy.version}. ${candidate.explanation}`);
        identified.push({ caseId: opened.caseId, entityId: candidate.entityId, tier: candidate.tier });
      } catch (error) {
        if (!DocketError.is(error, 'refused') && !DocketError.is(error, 'conflict')) throw error;
        refused.push({ entityId: candidate.entityId, reason: error.message });
      }
    }
    return { policy: { id: policy.policy, version: policy.version }, at, scanned, prioritized, alreadyOpen, identified, refused };
  }

  /** Cases in queue order (tier, then age), as the reader's purpose lets them be shown. */
  async queue(purpose: string, filter: { readonly states?: readonly CaseRow['state'][]; readonly open?: boolean; readonly limit: number; readonly offset?: number }): Promise<CaseSummary[]> {
    const rows = await CaseStore.list(this.store.db, filter);
    const band = await PersonLoader.reviewBand(this.store.db);
    const now = this.now();
    const summaries: CaseSummary[] = [];
    for (const row of rows) {
      const loaded = await this.personOf(this.store.db, row, band);
      summaries.push(caseSummary(row, loaded, Visibility.forPurpose(loaded, purpose), now));
    }
    return summaries;
  }

  async summary(caseId: number, purpose: string): Promise<CaseSummary> {
    const row = await CaseStore.get(this.store.db, caseId);
    if (row === undefined) throw caseNotFound(caseId);
    const loaded = await this.personOf(this.store.db, row);
    return caseSummary(row, loaded, Visibility.forPurpose(loaded, purpose), this.now());
  }

  /** One case with the person's status, the gates for every adverse action, its history, proposals and next steps. */
  async show(caseId: number, purpose: string): Promise<CaseDetail | undefined> {
    const row = await CaseStore.get(this.store.db, caseId);
    if (row === undefined) return undefined;
    const loaded = await this.personOf(this.store.db, row);
    const visible = Visibility.forPurpose(loaded, purpose);
    const now = this.now();
    const at = now.toISOString();
    const status = deriveStatus(loaded.person, at, this.options.derive);
    const proposals = (await CaseStore.proposalsOf(this.store.db, caseId)).map(proposalView);
    const destination = proposals.filter((p) => p.action === 'schedule-removal' && p.destination !== null).at(-1)?.destination ?? undefined;
    return {
      ...caseSummary(row, loaded, visible, now),
      status: statusView(status, visible),
      matchConfidence: matchConfidence(loaded.person),
      gates: AdverseAction.map((check) => gateView(evaluateGates(status, { check, destination: check === 'schedule-removal' ? destination : undefined }), visible)),
      history: await CaseStore.events(this.store.db, caseId),
      proposals,
      next: nextSteps(row.state, proposals),
      departures: watchVoluntaryDepartures(loaded.person, { at, alertDays: this.options.alertDays ?? 14, derive: this.options.derive }),
      at,
    };
  }

  /**
   * A person's cases, open and closed, with their status and the gates for every adverse action now:
   * what a field officer needs to see every legal hold. Undefined when there is no such person.
   */
  async casesOf(entityId: number, purpose: string): Promise<PersonCases | undefined> {
    const loaded = await PersonLoader.load(this.store.db, entityId);
    if (loaded === undefined) return undefined;
    const visible = Visibility.forPurpose(loaded, purpose);
    const now = this.now();
    const status = deriveStatus(loaded.person, now.toISOString(), this.options.derive);
    const rows = await CaseStore.casesOn(this.store.db, [loaded.entityId]);
    return {
      person: personSummary(loaded, visible),
      status: statusView(status, visible),
      gates: AdverseAction.map((check) => gateView(evaluateGates(status, { check }), visible)),
      cases: rows.map((row) => caseSummary(row, loaded, visible, now)),
      at: now.toISOString(),
    };
  }

  /** Puts an adverse action forward for a second person to decide. */
  async propose(actor: CaseActor, caseId: number, input: { readonly action: AdverseAction; readonly reason: string; readonly destination?: string; readonly evidence?: readonly EvidenceRef[] }): Promise<ProposalView> {
    const at = this.now().toISOString();
    const proposalId = await this.store.audited(actor.audit, CaseAction.propose, `case:${caseId}`, async (tx) => {
      const row = await CaseStore.lock(tx, caseId);
      if (row === undefined) throw caseNotFound(caseId);
      const possible = Object.values(Transition).some((rule) => rule.action === input.action && (rule.from as readonly string[]).includes(row.state));
      if (!possible) throw new DocketError('refused', `case ${caseId} is ${row.state}: ${input.action} cannot follow from there`, { details: { state: row.state, action: input.action } });
      const waiting = (await CaseStore.proposalsOf(tx, caseId)).map(proposalView).filter((p) => p.action === input.action && (p.status === 'pending' || p.status === 'approved'));
      const first = waiting.at(0);
      if (first !== undefined) {
        throw new DocketError('conflict', `proposal ${first.proposalId} to ${input.action} on case ${caseId} is already ${first.status === 'pending' ? 'awaiting a decision' : 'approved and not yet carried out'}`, { details: { proposalId: first.proposalId } });
      }
      const proposal = propose({
        proposalId: 'new', caseId: String(caseId), personId: String(row.entityId), action: input.action, at, reason: input.reason,
        ...(input.evidence === undefined ? {} : { evidence: input.evidence }), ...(input.destination === undefined ? {} : { destination: input.destination }),
      }, actor.user);
      const id = await CaseStore.addProposal(tx, caseId, proposal);
      return { value: id, details: { caseId, proposalId: id, action: input.action, reason: proposal.reason, destination: proposal.destination ?? null } };
    });
    const stored = await CaseStore.proposal(this.store.db, proposalId);
    if (stored === undefined) throw new Error(`proposal ${proposalId} vanished after it was stored`);
    return proposalView(stored);
  }

  /**
   * A reviewing officer's decision. Refused, with every reason, when the reviewer proposed it, lacks the
   * role, gives no reason, or (for an approval) a gate holds or an uncertain link awaits a data steward.
   */
  async decide(actor: CaseActor, proposalId: number, input: { readonly verdict: 'approve' | 'reject'; readonly reason: string }): Promise<ProposalView> {
    const at = this.now().toISOString();
    await this.store.audited(actor.audit, CaseAction.decide, `proposal:${proposalId}`, async (tx) => {
      const stored = await CaseStore.proposal(tx, proposalId);
      if (stored === undefined) throw new DocketError('not-found', `no proposal ${proposalId}`, { details: { proposalId } });
      const caseId = Number(stored.proposal.caseId);
      const row = await CaseStore.lock(tx, caseId);
      if (row === undefined) throw caseNotFound(caseId);
      if (row.state === 'closed') throw new DocketError('refused', `case ${caseId} is closed; its proposals can no longer be decided`, { details: { caseId } });
      const loaded = await this.personOf(tx, row);
      const outcome = decideProposal(stored.proposal, { reviewer: actor.user, verdict: input.verdict, reason: input.reason, at }, {
        person: loaded.person, priorDecisions: stored.decision === undefined ? [] : [stored.decision], ...(this.options.derive === undefined ? {} : { options: this.options.derive }),
      });
      if (outcome.kind === 'refused') {
        const codes = outcome.refusals.map((r) => r.code);
        const message = outcome.refusals.map((r) => r.message).join(' ');
        throw new DocketError(codes.includes('already-decided') ? 'conflict' : 'refused', message, { details: { refusals: codes, caseId, action: stored.proposal.action, proposedBy: stored.proposal.proposedBy } });
      }
      const { decision } = outcome;
      await CaseStore.addDecision(tx, proposalId, decision);
      return {
        value: undefined,
        details: { caseId, action: decision.action, verdict: decision.verdict, reason: decision.reason, proposedBy: decision.proposedBy, gates: decision.gates, matchBand: decision.matchBand },
      };
    });
    const stored = await CaseStore.proposal(this.store.db, proposalId);
    if (stored === undefined) throw new Error(`proposal ${proposalId} vanished after its decision`);
    return proposalView(stored);
  }

  /** One step of a case; an adverse step carries out an approved proposal, with every gate checked again now. */
  async transition(actor: CaseActor, caseId: number, input: TransitionInput): Promise<CaseEvent> {
    const at = this.now().toISOString();
    return this.store.audited(actor.audit, CaseAction.transition, `case:${caseId}`, async (tx) => {
      const row = await CaseStore.lock(tx, caseId);
      if (row === undefined) throw caseNotFound(caseId);
      const file = CaseFile.replay(await CaseStore.events(tx, caseId));
      const loaded = await this.personOf(tx, row);
      const rule = Transition[input.transition];
      let approval: ReviewDecision | undefined;
      if (rule.action !== undefined) {
        const proposals = await CaseStore.proposalsOf(tx, caseId);
        const chosen = input.proposalId === undefined
          ? proposals.filter((p) => p.proposal.action === rule.action && p.decision?.verdict === 'approved' && p.spentIn === undefined).at(-1)
          : proposals.find((p) => p.proposal.proposalId === String(input.proposalId));
        if (input.proposalId !== undefined && chosen === undefined) throw new DocketError('not-found', `case ${caseId} has no proposal ${input.proposalId}`, { details: { caseId, proposalId: input.proposalId } });
        approval = chosen?.decision;
      }
      const decision = decideTransition(file, {
        transition: input.transition, actor: actor.user, at, reason: input.reason,
        ...(input.evidence === undefined ? {} : { evidence: input.evidence }), ...(approval === undefined ? {} : { approval }), ...(input.closure === undefined ? {} : { closure: input.closure }),
      }, loaded.person, this.options.derive);
      if (decision.kind === 'refused') throw refusedBy(decision.reasons, decision.gates, { transition: input.transition, state: row.state });
      await CaseStore.append(tx, caseId, decision.event);
      const priority = await this.prioritization(tx, loaded, at);
      await CaseStore.setPriority(tx, caseId, priority, at);
      const { event } = decision;
      return {
        value: event,
        details: {
          transition: event.transition, from: event.from, to: event.to, reason: event.reason, closure: event.closure ?? null,
          approval: event.approval ?? null, gates: event.gates ?? null, evidence: event.evidence.length, priority: priorityView(priority).outcome,
        },
      };
    });
  }

  /**
   * Checks a scheduled removal again at the manifest freeze or at boarding, to the minute; when any gate
   * holds (a stay granted half an hour before the flight), the removal is halted in the same transaction.
   */
  async checkpoint(actor: CaseActor, caseId: number, checkpoint: RemovalCheckpoint): Promise<CheckpointResult> {
    const at = this.now().toISOString();
    return this.store.audited(actor.audit, CaseAction.checkpoint, `case:${caseId}`, async (tx) => {
      const row = await CaseStore.lock(tx, caseId);
      if (row === undefined) throw caseNotFound(caseId);
      const haltRoles = Transition['halt-removal'].roles;
      if (!User.hasAny(actor.user, haltRoles)) throw new DocketError('refused', `${actor.user.userId} needs the role ${haltRoles.join(' or ')} to run a removal checkpoint`, { details: { caseId } });
      if (row.state !== 'departure-pending-removal') throw new DocketError('refused', `case ${caseId} is ${row.state}: only a scheduled removal has checkpoints`, { details: { caseId, state: row.state } });
      const file = CaseFile.replay(await CaseStore.events(tx, caseId));
      const destination = file.events.filter((e) => e.transition === 'schedule-removal').at(-1)?.destination;
      if (destination === undefined) throw new DocketError('conflict', `case ${caseId} is pending removal without a recorded destination`);
      const loaded = await this.personOf(tx, row);
      const report = checkRemovalCheckpoint(loaded.person, { checkpoint, at, destination }, this.options.derive);
      let halted: CaseEvent | null = null;
      if (!report.clear) {
        const halt = haltBlockedRemoval(file, loaded.person, { actor: actor.user, at }, this.options.derive);
        if (halt?.kind === 'accepted') {
          await CaseStore.append(tx, caseId, halt.event);
          halted = halt.event;
        }
      }
      const visible = Visibility.forPurpose(loaded, actor.audit.purpose);
      return {
        value: { checkpoint, gates: gateView(report, visible), halted },
        // A halt is a step of the case: its ledger entry names the transition, as every other step's does.
        details: { checkpoint, destination, clear: report.clear, holding: report.holding.map((r) => r.gate), halted: halted !== null, ...(halted === null ? {} : { transition: 'halt-removal' }) },
      };
    });
  }

  /** The reviewing officer's queue: proposals awaiting a decision, the case's tier first, each with what the reviewer must see. */
  async reviewerQueue(purpose: string, limit: number): Promise<ReviewItem[]> {
    const rows = await CaseStore.pendingProposals(this.store.db, limit);
    const items: ReviewItem[] = [];
    for (const row of rows) items.push(await this.reviewItemOf(row, purpose));
    return items;
  }

  /** One proposal as the reviewer sees it; undefined when there is no such proposal. */
  async reviewItem(proposalId: number, purpose: string): Promise<ReviewItem | undefined> {
    const row = await CaseStore.proposal(this.store.db, proposalId);
    return row === undefined ? undefined : this.reviewItemOf(row, purpose);
  }

  /**
   * Re-checks the open cases of these people after their records changed: a removal a gate now stops
   * is halted, a case whose departure is now recorded is closed with the exit records, and the priority is
   * re-read. Only steps in the person's favour run here, as Docket itself.
   */
  async recheck(entityIds: readonly number[]): Promise<RecheckReport> {
    const rows = await CaseStore.openOn(this.store.db, entityIds);
    const report = { cases: rows.length, halted: [] as number[], closed: [] as number[], reprioritized: [] as number[] };
    for (const row of rows) {
      if (row.state === 'departure-pending-removal' && await this.haltIfBlocked(row.caseId)) report.halted.push(row.caseId);
      if (await this.closeIfDeparted(row.caseId)) report.closed.push(row.caseId);
      else if (await this.refreshPriority(row.caseId)) report.reprioritized.push(row.caseId);
    }
    return report;
  }

  /** Re-checks every open case (after a bulk ingest, or when the server starts). */
  async recheckAll(): Promise<RecheckReport> {
    const open = await CaseStore.list(this.store.db, { open: true, limit: Number.MAX_SAFE_INTEGER });
    return this.recheck([...new Set(open.map((c) => c.entityId))]);
  }

  private async haltIfBlocked(caseId: number): Promise<boolean> {
    const actor = CaseActor.system('case-processing');
    const at = this.now().toISOString();
    return this.store.audited(actor.audit, CaseAction.transition, `case:${caseId}`, async (tx) => {
      const row = await CaseStore.lock(tx, caseId);
      if (row?.state !== 'departure-pending-removal') return { value: false, changed: false };
      const file = CaseFile.replay(await CaseStore.events(tx, caseId));
      const loaded = await this.personOf(tx, row);
      const halt = haltBlockedRemoval(file, loaded.person, { actor: actor.user, at }, this.options.derive);
      if (halt?.kind !== 'accepted') return { value: false, changed: false };
      await CaseStore.append(tx, caseId, halt.event);
      return { value: true, details: { transition: 'halt-removal', from: halt.event.from, to: halt.event.to, reason: halt.event.reason, gates: halt.event.gates ?? null, automatic: true } };
    });
  }

  private async closeIfDeparted(caseId: number): Promise<boolean> {
    const actor = CaseActor.system('departure-verification');
    const at = this.now().toISOString();
    return this.store.audited(actor.audit, CaseAction.transition, `case:${caseId}`, async (tx) => {
      const row = await CaseStore.lock(tx, caseId);
      if (row === undefined || row.state === 'closed') return { value: false, changed: false };
      const file = CaseFile.replay(await CaseStore.events(tx, caseId));
      const loaded = await this.personOf(tx, row);
      const closure = closeOnVerifiedDeparture(file, loaded.person, { actor: actor.user, at }, this.options.derive);
      if (closure.kind === 'not-closed') return { value: false, changed: false };
      for (const event of closure.events) await CaseStore.append(tx, caseId, event);
      return {
        value: true,
        details: { transition: closure.events.map((e) => e.transition), to: 'closed', closure: 'departure-verified', departedOn: closure.verification.departedOn, evidence: closure.verification.evidence.map((d) => d.recordId), automatic: true },
      };
    });
  }

  /** Re-reads the case's priority under the active policy; records it when the tier moved. */
  private async refreshPriority(caseId: number): Promise<boolean> {
    const actor = CaseActor.system('case-processing');
    const at = this.now().toISOString();
    return this.store.audited(actor.audit, CaseAction.reprioritize, `case:${caseId}`, async (tx) => {
      const row = await CaseStore.lock(tx, caseId);
      if (row === undefined || row.state === 'closed') return { value: false, changed: false };
      const before = priorityView(row.priority);
      const after = await this.prioritization(tx, await this.personOf(tx, row), at);
      const moved = before.outcome !== priorityView(after).outcome || before.policy.version !== after.policy.version || before.policy.id !== after.policy.id;
      if (!moved) return { value: false, changed: false };
      await CaseStore.setPriority(tx, caseId, after, at);
      return { value: true, details: { from: before.outcome, to: priorityView(after).outcome, policy: after.policy, rules: after.fired.map((h) => h.ruleId) } };
    });
  }

  private async prioritization(tx: Queryable, loaded: LoadedPerson, at: string): Promise<Prioritization> {
    const { policy } = await Policies.active(tx);
    return prioritize(policy, loaded.person, deriveStatus(loaded.person, at, this.options.derive));
  }

  private async reviewItemOf(row: ProposalRow, purpose: string): Promise<ReviewItem> {
    const caseId = Number(row.proposal.caseId);
    const caseRow = await CaseStore.get(this.store.db, caseId);
    if (caseRow === undefined) throw caseNotFound(caseId);
    const loaded = await this.personOf(this.store.db, caseRow);
    const visible = Visibility.forPurpose(loaded, purpose);
    const now = this.now();
    const { policy } = await Policies.active(this.store.db);
    const view = reviewerView(row.proposal, loaded.person, {
      at: now.toISOString(), policy, priorDecisions: row.decision === undefined ? [] : [row.decision], ...(this.options.derive === undefined ? {} : { options: this.options.derive }),
    });
    return {
      proposal: proposalView(row),
      case: caseSummary(caseRow, loaded, visible, now),
      facts: statusView(view.facts, visible),
      gates: gateView(view.gates, visible),
      prioritization: priorityView(view.prioritization ?? caseRow.priority),
      matchConfidence: view.matchConfidence,
      blockers: view.blockers,
      at: now.toISOString(),
    };
  }

  /** The person a case is about, under the id the case was opened with, with the records the entity holds now. */
  private async personOf(db: Queryable, row: CaseRow, band?: readonly [number, number]): Promise<LoadedPerson> {
    const loaded = await PersonLoader.load(db, row.entityId, { personId: String(row.entityId), ...(band === undefined ? {} : { band }) });
    if (loaded === undefined) {
      throw new DocketError('conflict', `case ${row.caseId}: person ${row.entityId} no longer has any records`, { hint: 'the records may have been purged under retention; close the case with a reason', details: { caseId: row.caseId } });
    }
    return loaded;
  }
}
