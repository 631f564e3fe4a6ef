import { z } from 'zod';
import { CaseAction, Casework, Policies, simulateAgainstActive } from '../../casework/index.js';
import { IsoDay } from '../../core/calendar/index.js';
import { loadPolicy } from '../../core/policy/index.js';
import { defineRoute, type AnyRoute } from '../http/route.js';
import type { ServerContext } from '../server-context.js';

const PolicyText = z.string().min(1).max(100_000);

const PolicyView = z.object({
  origin: z.enum(['activated', 'bundled']),
  sha256: z.string(),
  activatedAt: z.string().nullable(),
  policy: z.record(z.string(), z.unknown()),
}).meta({ id: 'ActivePolicy' });

/** Prioritization as code over HTTP: the published policy, what-if simulation with disparity, activation. */
export function policyRoutes(context: ServerContext): AnyRoute[] {
  return [
    defineRoute({
      method: 'GET', url: '/api/policy', tag: 'policy', access: 'signed-in',
      summary: 'The policy in force: tiers and rules, each with its plain description and citation',
      response: PolicyView,
      async handler() {
        const active = await Policies.active(context.store.db);
        return { origin: active.origin, sha256: active.sha256, activatedAt: active.activatedAt, policy: { ...active.policy } };
      },
    }),
    defineRoute({
      method: 'POST', url: '/api/policy/simulate', tag: 'policy', access: 'policy.simulate',
      summary: 'What-if: counts by tier and outcome disparity by country of birth, sex and age band under a proposed policy (YAML) against the one in force; aggregates only',
      body: z.object({ policy: PolicyText, at: z.string().refine((day) => IsoDay.isValid(day), 'a day as YYYY-MM-DD').optional(), minGroupSize: z.number().int().min(1).max(100_000).default(30) }),
      response: z.object({ at: z.string(), active: z.record(z.string(), z.unknown()), report: z.record(z.string(), z.unknown()) }),
      async handler({ body, caller }) {
        const proposed = loadPolicy(body.policy, 'the proposed policy');
        const at = body.at ?? new Date().toISOString().slice(0, 10);
        const simulation = await simulateAgainstActive(context.store.db, proposed, { at, minGroupSize: body.minGroupSize });
        const flagged = simulation.report.disparity.flatMap((d) => d.groups.filter((g) => g.flagged).map((g) => `${d.dimension}:${g.group}`));
        await context.store.record(caller.audit, CaseAction.policySimulate, `policy:${proposed.policy}@${proposed.version}`, 'success', { population: simulation.report.population, at, outcomes: simulation.report.outcomes, flagged });
        return { at: simulation.at, active: { ...simulation.active }, report: { ...simulation.report } };
      },
    }),
    defineRoute({
      method: 'POST', url: '/api/policy/activate', tag: 'policy', access: 'policy.manage',
      summary: 'Put a policy (YAML) in force; a stored version never changes, and open cases are re-prioritized',
      body: z.object({ policy: PolicyText }),
      response: z.object({ policy: z.string(), version: z.number().int(), sha256: z.string(), activatedAt: z.string().nullable(), reprioritized: z.array(z.number().int()) }),
      async handler({ body, caller }) {
        const row = await Policies.activate(context.store, caller.audit, body.policy, 'policy submitted over the API');
        const { reprioritized } = await new Casework(context.store).recheckAll();
        return { policy: row.policy, version: row.version, sha256: row.sha256, activatedAt: row.activatedAt, reprioritized: [...reprioritized] };
      },
    }),
  ];
}
