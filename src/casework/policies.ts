import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { DocketError } from '../core/errors/index.js';
import type { AuditContext } from '../core/ledger/index.js';
import { loadPolicy, type Policy } from '../core/policy/index.js';
import { CaseStore, type PolicyRow, type Queryable, type Store } from '../store/index.js';
import { CaseAction } from './case-action.js';

/** The policy Docket applies until an administrator activates another. */
export const bundledPolicyPath = fileURLToPath(new URL('../../policies/default-2026.yaml', import.meta.url));

/** The policy in force: its rules, its text, and where it came from. */
export interface ActivePolicy {
  readonly policy: Policy;
  readonly text: string;
  readonly sha256: string;
  /** `activated`: stored and activated in this database; `bundled`: the default shipped with Docket. */
  readonly origin: 'activated' | 'bundled';
  readonly activatedAt: string | null;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

let bundled: ActivePolicy | undefined;
let lastActivated: ActivePolicy | undefined;

/** Reads and validates a policy file; the error names the file, the rule and the attribute. */
export async function readPolicyFile(path: string): Promise<{ policy: Policy; text: string }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new DocketError('io', `cannot read the policy file ${path}`, { hint: 'check the path', cause: error });
  }
  return { policy: loadPolicy(text, path), text };
}

export const Policies = {
  /** The active policy: the one activated in this database, or the bundled default when none has been. */
  async active(db: Queryable): Promise<ActivePolicy> {
    const row = await CaseStore.activePolicy(db);
    if (row === undefined) {
      if (bundled === undefined) {
        const { policy, text } = await readPolicyFile(bundledPolicyPath);
        bundled = { policy, text, sha256: sha256(text), origin: 'bundled', activatedAt: null };
      }
      return bundled;
    }
    // Parsing is the costly part; the text of a stored version never changes, so its hash names it.
    if (lastActivated?.sha256 !== row.sha256) {
      lastActivated = { policy: loadPolicy(row.text, `${row.policy} v${row.version}`), text: row.text, sha256: row.sha256, origin: 'activated', activatedAt: row.activatedAt };
    }
    return { ...lastActivated, activatedAt: row.activatedAt };
  },

  /** Validates a policy, stores it (a version never changes once stored) and puts it in force, with its ledger entry. */
  async activate(store: Store, context: AuditContext, text: string, sourceName: string): Promise<PolicyRow> {
    let policy: Policy;
    try {
      policy = loadPolicy(text, sourceName);
    } catch (error) {
      // A policy refused before it has a name is recorded against the registry as a whole.
      const details = DocketError.is(error) ? { error: error.message, code: error.code, ...error.details } : { error: String(error) };
      await store.record(context, CaseAction.policyActivate, 'policy', 'refused', details);
      throw error;
    }
    const target = `policy:${policy.policy}@${policy.version}`;
    return store.audited(context, CaseAction.policyActivate, target, async (tx) => {
      const row = await CaseStore.activatePolicy(tx, { policy: policy.policy, version: policy.version, text, sha256: sha256(text), by: context.actor });
      return { value: row, details: { policy: policy.policy, version: policy.version, sha256: row.sha256, rules: policy.rules.map((r) => r.id), source: sourceName } };
    });
  },
};
