import { simulatePolicies, SimulationSubject, type Policy, type SimulationOptions, type SimulationReport } from '../core/policy/index.js';
import { deriveStatus, type DeriveOptions } from '../core/status/index.js';
import type { Queryable } from '../store/index.js';
import { PersonLoader } from './person-loader.js';
import { Policies, type ActivePolicy } from './policies.js';

export interface PolicySimulation {
  readonly at: string;
  readonly active: Pick<ActivePolicy, 'origin' | 'sha256' | 'activatedAt'>;
  readonly report: SimulationReport;
}

/**
 * What-if: every active person's status derived as of `at`, placed under the active policy and under
 * `proposed`, with counts by tier and outcome disparity by country of birth, sex and age band.
 * Nothing is stored; the monitoring attributes never reach the rules.
 */
export async function simulateAgainstActive(db: Queryable, proposed: Policy, options: SimulationOptions & { readonly at: string; readonly derive?: DeriveOptions }): Promise<PolicySimulation> {
  const active = await Policies.active(db);
  const subjects: SimulationSubject[] = [];
  for await (const loaded of PersonLoader.all(db)) subjects.push(SimulationSubject.of(loaded.person, deriveStatus(loaded.person, options.at, options.derive)));
  const report = simulatePolicies(active.policy, proposed, subjects, options);
  return { at: options.at, active: { origin: active.origin, sha256: active.sha256, activatedAt: active.activatedAt }, report };
}
