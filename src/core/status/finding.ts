import { LegalRule, type LegalRuleId } from './legal-rule.js';

/** One conclusion drawn from the records: the rule, its citation, a plain explanation, and the records it rests on. */
export interface Finding {
  readonly kind: 'finding';
  readonly ruleId: LegalRuleId;
  readonly citation: string;
  readonly explanation: string;
  readonly recordIds: readonly string[];
}

export const Finding = {
  of(ruleId: LegalRuleId, explanation: string, recordIds: readonly string[] = []): Finding {
    return { kind: 'finding', ruleId, citation: LegalRule[ruleId].citation, explanation, recordIds: [...new Set(recordIds)].sort() };
  },

  /** The records behind several findings, once each. */
  recordIds(findings: readonly Finding[]): readonly string[] {
    return [...new Set(findings.flatMap((finding) => finding.recordIds))].sort();
  },
} as const;
