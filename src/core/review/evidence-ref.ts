/** What a proposal, a decision or a case event rests on: a source record, a proposal, or a document. */
export type EvidenceRef =
  | { readonly kind: 'record'; readonly recordId: string }
  | { readonly kind: 'proposal'; readonly proposalId: string }
  | { readonly kind: 'document'; readonly reference: string };

export const EvidenceRef = {
  record(recordId: string): EvidenceRef {
    return { kind: 'record', recordId };
  },

  /** Record references for ids, once each. */
  records(recordIds: readonly string[]): readonly EvidenceRef[] {
    return [...new Set(recordIds)].sort().map((recordId) => ({ kind: 'record', recordId }));
  },

  key(ref: EvidenceRef): string {
    switch (ref.kind) {
      case 'record': return `record:${ref.recordId}`;
      case 'proposal': return `proposal:${ref.proposalId}`;
      case 'document': return `document:${ref.reference}`;
    }
  },

  /** The union of several lists, in first-seen order, without repeats. */
  merge(...lists: readonly (readonly EvidenceRef[])[]): readonly EvidenceRef[] {
    const seen = new Map<string, EvidenceRef>();
    for (const ref of lists.flat()) if (!seen.has(EvidenceRef.key(ref))) seen.set(EvidenceRef.key(ref), ref);
    return [...seen.values()];
  },
} as const;
