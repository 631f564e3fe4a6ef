import type { Command } from 'commander';
import type { CaseDetail, CaseSummary, GateView, ProposalView, ReviewItem } from '../../casework/index.js';
import { DocketError } from '../../core/errors/index.js';
import { action, printJson } from '../action.js';
import { cliCaseActor } from '../cli-case-actor.js';
import { formatTable } from '../table.js';
import { withStore } from '../with-store.js';

interface ActorOptions {
  role: string;
  purpose?: string;
  json?: boolean;
}

const positive = (name: string, text: string): number => {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new DocketError('invalid-input', `${name} must be a whole number above zero, not "${text}"`);
  return value;
};

const say = (text: string): void => {
  process.stdout.write(`${text}\n`);
};

const tierText = (summary: CaseSummary): string => (summary.priority.tier === null ? summary.priority.outcome : `tier ${summary.priority.tier}`);

function queueTable(cases: readonly CaseSummary[]): string {
  if (cases.length === 0) return 'no cases';
  return formatTable(['CASE', 'TIER', 'STATE', 'AGE', 'PERSON', 'NAME'], cases.map((c) => [
    String(c.caseId), tierText(c), c.state + (c.closure === null ? '' : ` (${c.closure})`), `${c.ageDays}d`, String(c.person.entityId), c.person.name,
  ]));
}

function gateLine(gate: GateView): string {
  if (gate.clear) return `  ${gate.check.padEnd(18)} clear${gate.destination === null ? '' : ` (to ${gate.destination})`}`;
  return [`  ${gate.check.padEnd(18)} BLOCKED`, ...gate.holding.map((h) => `      ${h.title}: ${h.explanation} [${h.citation}]${h.referral === null ? '' : ` — refer to ${h.referral}`}`)].join('\n');
}

function proposalLine(p: ProposalView): string {
  const decided = p.decision === null ? '' : `, ${p.decision.verdict} by ${p.decision.reviewer}: "${p.decision.reason}"`;
  return `  proposal ${p.proposalId}: ${p.action}${p.destination === null ? '' : ` to ${p.destination}`} by ${p.proposedBy} — ${p.status}${decided} ("${p.reason}")`;
}

function describeCase(d: CaseDetail): string {
  return [
    `case ${d.caseId}: ${d.person.name} (person ${d.person.entityId}), ${tierText(d)} — ${d.state}${d.closure === null ? '' : ` (${d.closure})`}`,
    `identified ${d.identifiedAt}, ${d.ageDays} days ago; ${d.person.recordCount} records from ${d.person.sources.join(', ')}${d.person.withheldRecords > 0 ? `; ${d.person.withheldRecords} withheld under your purpose` : ''}`,
    `status: ${d.status.status} — ${d.status.basis.explanation} [${d.status.basis.citation}]`,
    ...d.status.unsettled.map((f) => `unsettled: ${f.explanation}`),
    `priority (${d.priority.policy.id} v${d.priority.policy.version}): ${d.priority.explanation}`,
    `match confidence: ${d.matchConfidence.band}, ${d.matchConfidence.recordCount} records${d.matchConfidence.lowestMatchProbability === undefined ? '' : `, lowest link probability ${d.matchConfidence.lowestMatchProbability.toFixed(3)}`}`,
    'gates now:',
    ...d.gates.map(gateLine),
    'history:',
    ...d.history.map((e) => `  ${String(e.sequence).padStart(2)} ${e.at} ${e.transition} → ${e.to} by ${e.actor.userId}${e.approval === undefined ? '' : ` (proposal ${e.approval.proposalId}: ${e.approval.proposedBy} proposed, ${e.approval.approvedBy} approved)`}: ${e.reason}`),
    ...(d.proposals.length === 0 ? [] : ['proposals:', ...d.proposals.map(proposalLine)]),
    `next: ${d.next.map((n) => (n.action === null ? n.transition : `${n.transition} (${n.approvedProposal === null ? 'needs an approved proposal' : `proposal ${n.approvedProposal} approved`})`)).join(', ') || 'none (closed)'}`,
    ...d.departures.map((w) => `voluntary departure (case ${w.caseNumber}): ${w.state}${w.alert ? ' — ALERT' : ''}: ${w.explanation}`),
  ].join('\n');
}

function describeReview(item: ReviewItem): string {
  return [
    `proposal ${item.proposal.proposalId}: ${item.proposal.action}${item.proposal.destination === null ? '' : ` to ${item.proposal.destination}`} on case ${item.case.caseId} (${item.case.person.name}, ${tierText(item.case)}), proposed by ${item.proposal.proposedBy}: "${item.proposal.reason}"`,
    `  facts: ${item.facts.status} — ${item.facts.basis.explanation}`,
    `  rules fired: ${item.prioritization.fired.map((h) => `${h.ruleId} [${h.citation}]`).join('; ') || 'none'}`,
    `  match confidence: ${item.matchConfidence.band}${item.matchConfidence.lowestMatchProbability === undefined ? '' : ` (lowest ${item.matchConfidence.lowestMatchProbability.toFixed(3)})`}`,
    gateLine(item.gates),
    item.blockers.length === 0 ? '  an eligible reviewer may approve' : `  approval blocked: ${item.blockers.map((b) => b.message).join(' ')}`,
  ].join('\n');
}

function roleOption(command: Command, role: string): Command {
  return command
    .option('--role <role>', 'the role you act in (must be your account\'s, when DOCKET_ACTOR names one)', role)
    .option('--purpose <purpose>', 'your purpose of use (default: the first your role may declare for this work)')
    .option('--json', 'print JSON');
}

export function registerCases(program: Command): void {
  const cases = program.command('cases').description('casework: identify under the active policy, queues, two-person review of adverse actions, the case state machine');

  roleOption(cases.command('identify')
    .description('open cases on the people the active policy places in a tier (highest first), or on one person with --person')
    .option('--person <id>', 'identify this person only')
    .option('--limit <n>', 'open at most this many cases')
    .option('--max-tier <n>', 'only people in this tier or a higher one (a lower number)')
    .option('--reason <text>', 'why (with --person)', 'Identified under the published policy.'), 'case-officer')
    .action(action(async (options: ActorOptions & { person?: string; limit?: string; maxTier?: string; reason: string }) => {
      const { Casework } = await import('../../casework/index.js');
      await withStore(async (store) => {
        const actor = await cliCaseActor(store, options, { purpose: 'case-processing' });
        const casework = new Casework(store);
        if (options.person !== undefined) {
          const opened = await casework.identify(actor, positive('--person', options.person), options.reason);
          if (options.json === true) printJson(opened);
          else say(`opened case ${opened.caseId} on ${opened.person.name} (person ${opened.person.entityId}), ${tierText(opened)}: ${opened.priority.explanation}`);
          return;
        }
        const report = await casework.identifyFromPolicy(actor, {
          ...(options.limit === undefined ? {} : { limit: positive('--limit', options.limit) }), ...(options.maxTier === undefined ? {} : { maxTier: positive('--max-tier', options.maxTier) }),
        });
        if (options.json === true) printJson(report);
        else {
          say(`${report.policy.id} v${report.policy.version}, as of ${report.at}: ${report.scanned} people read; prioritized ${Object.entries(report.prioritized).sort(([a], [b]) => a.localeCompare(b)).map(([t, n]) => `${t} ${n}`).join(', ') || 'none'}`);
          say(`opened ${report.identified.length} cases; ${report.alreadyOpen} already had one; ${report.refused.length} refused`);
          for (const r of report.refused) say(`  person ${r.entityId}: ${r.reason}`);
        }
      });
    }));

  roleOption(cases.command('list')
    .description('the case officer\'s queue: open cases by tier, then age')
    .option('--state <state...>', 'only cases in these states')
    .option('--all', 'closed cases too')
    .option('--limit <n>', 'at most this many', '50'), 'case-officer')
    .action(action(async (options: ActorOptions & { state?: string[]; all?: boolean; limit: string }) => {
      const [{ Casework, CaseAction }, { CaseState }] = await Promise.all([import('../../casework/index.js'), import('../../core/cases/index.js')]);
      const states = options.state?.map((s) => {
        const known = CaseState.find((c) => c === s);
        if (known === undefined) throw new DocketError('invalid-input', `--state ${s} is not a case state`, { hint: `choose from ${CaseState.join(', ')}` });
        return known;
      });
      await withStore(async (store) => {
        const actor = await cliCaseActor(store, options, { purpose: 'case-processing' });
        const queue = await new Casework(store).queue(actor.audit.purpose, { ...(options.all === true ? {} : { open: true }), ...(states === undefined ? {} : { states }), limit: positive('--limit', options.limit) });
        await store.record(actor.audit, CaseAction.list, 'cases', 'success', { cases: queue.map((c) => c.caseId) });
        if (options.json === true) printJson(queue);
        else say(queueTable(queue));
      });
    }));

  roleOption(cases.command('show')
    .description('one case: status, priority, gates for every adverse action, history, proposals, next steps')
    .argument('<case>', 'the case number'), 'case-officer')
    .action(action(async (caseText: string, options: ActorOptions) => {
      const { Casework, CaseAction } = await import('../../casework/index.js');
      const caseId = positive('case', caseText);
      await withStore(async (store) => {
        const actor = await cliCaseActor(store, options, { purpose: 'case-processing' });
        const detail = await new Casework(store).show(caseId, actor.audit.purpose);
        await store.record(actor.audit, CaseAction.read, `case:${caseId}`, detail === undefined ? 'failure' : 'success', detail === undefined ? { found: false } : { person: detail.person.entityId, withheld: detail.person.withheldRecords });
        if (detail === undefined) throw new DocketError('not-found', `no case ${caseId}`, { hint: 'list the cases with `docket cases list`' });
        if (options.json === true) printJson(detail);
        else say(describeCase(detail));
      });
    }));

  roleOption(cases.command('propose')
    .description('put an adverse action forward (open-case, issue-notice, request-detention, schedule-removal) for a second person to decide')
    .argument('<case>', 'the case number')
    .requiredOption('--action <action>', 'open-case, issue-notice, request-detention or schedule-removal')
    .requiredOption('--reason <text>', 'why')
    .option('--destination <country>', 'for schedule-removal: the country of removal (ISO alpha-3)'), 'case-officer')
    .action(action(async (caseText: string, options: ActorOptions & { action: string; reason: string; destination?: string }) => {
      const [{ Casework }, { AdverseAction }] = await Promise.all([import('../../casework/index.js'), import('../../core/gates/index.js')]);
      const adverse = AdverseAction.find((a) => a === options.action);
      if (adverse === undefined) throw new DocketError('invalid-input', `--action ${options.action} is not an adverse action`, { hint: `choose from ${AdverseAction.join(', ')}` });
      await withStore(async (store) => {
        const actor = await cliCaseActor(store, options, { purpose: options.role === 'logistics-coordinator' ? 'removal-logistics' : 'case-processing' });
        const proposal = await new Casework(store).propose(actor, positive('case', caseText), { action: adverse, reason: options.reason, ...(options.destination === undefined ? {} : { destination: options.destination }) });
        if (options.json === true) printJson(proposal);
        else say(`proposal ${proposal.proposalId}: ${proposal.action} on case ${proposal.caseId} awaits a reviewing officer's decision`);
      });
    }));

  roleOption(cases.command('reviews')
    .description('the reviewing officer\'s queue: proposals awaiting a decision, with facts, gates, rules fired and match confidence')
    .option('--limit <n>', 'at most this many', '20'), 'reviewing-officer')
    .action(action(async (options: ActorOptions & { limit: string }) => {
      const { Casework, CaseAction } = await import('../../casework/index.js');
      await withStore(async (store) => {
        const actor = await cliCaseActor(store, options, { purpose: 'case-processing' });
        const items = await new Casework(store).reviewerQueue(actor.audit.purpose, positive('--limit', options.limit));
        await store.record(actor.audit, CaseAction.reviewQueue, 'proposals', 'success', { proposals: items.map((i) => i.proposal.proposalId) });
        if (options.json === true) printJson(items);
        else say(items.length === 0 ? 'no proposal awaits a decision' : items.map(describeReview).join('\n\n'));
      });
    }));

  roleOption(cases.command('decide')
    .description('approve or reject a proposal (a reviewing officer who did not propose it); refused while a gate holds or an uncertain link awaits a steward')
    .argument('<proposal>', 'the proposal number')
    .option('--approve', 'approve it')
    .option('--reject', 'reject it')
    .requiredOption('--reason <text>', 'why'), 'reviewing-officer')
    .action(action(async (proposalText: string, options: ActorOptions & { approve?: boolean; reject?: boolean; reason: string }) => {
      if ((options.approve === true) === (options.reject === true)) throw new DocketError('invalid-input', 'say --approve or --reject (one of them)');
      const { Casework } = await import('../../casework/index.js');
      await withStore(async (store) => {
        const actor = await cliCaseActor(store, options, { purpose: 'case-processing' });
        const decided = await new Casework(store).decide(actor, positive('proposal', proposalText), { verdict: options.approve === true ? 'approve' : 'reject', reason: options.reason });
        if (options.json === true) printJson(decided);
        else say(`proposal ${decided.proposalId} (${decided.action} on case ${decided.caseId}) ${decided.status} by ${decided.decision?.reviewer ?? ''}`);
      });
    }));

  roleOption(cases.command('transition')
    .description('take one step of a case; an adverse step carries out an approved proposal, with every gate checked again')
    .argument('<case>', 'the case number')
    .requiredOption('--step <transition>', 'the step (see `docket cases show` for the next ones)')
    .requiredOption('--reason <text>', 'why')
    .option('--proposal <n>', 'the approved proposal to carry out (default: the latest approved one for the action)')
    .option('--closure <reason>', 'for exit: status-regularized, citizenship-or-residence-found, relief-granted or challenge-upheld')
    .option('--evidence <reference...>', 'documents the step rests on (required for exit)'), 'case-officer')
    .action(action(async (caseText: string, options: ActorOptions & { step: string; reason: string; proposal?: string; closure?: string; evidence?: string[] }) => {
      const [{ Casework }, { TransitionKind, ExitReason }] = await Promise.all([import('../../casework/index.js'), import('../../core/cases/index.js')]);
      const step = TransitionKind.find((k) => k === options.step && k !== 'identify');
      if (step === undefined || step === 'identify') throw new DocketError('invalid-input', `--step ${options.step} is not a step`, { hint: `choose from ${TransitionKind.filter((k) => k !== 'identify').join(', ')}` });
      const closure = options.closure === undefined ? undefined : ExitReason.find((r) => r === options.closure);
      if (options.closure !== undefined && closure === undefined) throw new DocketError('invalid-input', `--closure ${options.closure} is not an exit`, { hint: `choose from ${ExitReason.join(', ')}` });
      await withStore(async (store) => {
        const actor = await cliCaseActor(store, options, { purpose: options.role === 'logistics-coordinator' ? 'removal-logistics' : 'case-processing' });
        const event = await new Casework(store).transition(actor, positive('case', caseText), {
          transition: step, reason: options.reason,
          ...(options.proposal === undefined ? {} : { proposalId: positive('--proposal', options.proposal) }),
          ...(closure === undefined ? {} : { closure }),
          ...(options.evidence === undefined ? {} : { evidence: options.evidence.map((reference) => ({ kind: 'document' as const, reference })) }),
        });
        if (options.json === true) printJson(event);
        else say(`case ${event.caseId}: ${event.transition}, ${event.from ?? '—'} → ${event.to}`);
      });
    }));

  roleOption(cases.command('checkpoint')
    .description('check a scheduled removal again at the manifest freeze or at boarding; a gate that holds halts it at once')
    .argument('<case>', 'the case number')
    .requiredOption('--at <checkpoint>', 'manifest-freeze or boarding'), 'logistics-coordinator')
    .action(action(async (caseText: string, options: ActorOptions & { at: string }) => {
      const [{ Casework }, { RemovalCheckpoint }] = await Promise.all([import('../../casework/index.js'), import('../../core/gates/index.js')]);
      const checkpoint = RemovalCheckpoint.find((c) => c === options.at);
      if (checkpoint === undefined) throw new DocketError('invalid-input', `--at ${options.at} is not a checkpoint`, { hint: `choose from ${RemovalCheckpoint.join(', ')}` });
      await withStore(async (store) => {
        const actor = await cliCaseActor(store, options, { purpose: options.role === 'logistics-coordinator' ? 'removal-logistics' : 'case-processing' });
        const result = await new Casework(store).checkpoint(actor, positive('case', caseText), checkpoint);
        if (options.json === true) printJson(result);
        else say([gateLine(result.gates), result.halted === null ? '' : `removal HALTED: case back to ${result.halted.to}`].filter((l) => l !== '').join('\n'));
        if (!result.gates.clear) process.exitCode = 3;
      });
    }));

  cases.command('recheck')
    .description('re-check every open case as Docket itself: halt removals a gate now stops, close cases on verified departures, re-read priorities')
    .option('--json', 'print JSON')
    .action(action(async (options: { json?: boolean }) => {
      const { Casework } = await import('../../casework/index.js');
      const report = await withStore((store) => new Casework(store).recheckAll());
      if (options.json === true) printJson(report);
      else say(`${report.cases} open cases checked: ${report.halted.length} removals halted, ${report.closed.length} closed on a verified departure, ${report.reprioritized.length} moved tier`);
    }));
}
