/** The ledger actions of casework, as one table: the inventory of what Docket does in a case. */
export const CaseAction = {
  identify: 'case.identify',
  propose: 'case.propose',
  decide: 'case.decide',
  transition: 'case.transition',
  checkpoint: 'case.checkpoint',
  reprioritize: 'case.reprioritize',
  read: 'case.read',
  list: 'case.list',
  reviewQueue: 'case.review-queue',
  proposalRead: 'case.proposal-read',
  departureBoard: 'departure.board',
  departureAlert: 'departure.alert',
  policyActivate: 'policy.activate',
  policyRead: 'policy.read',
  policySimulate: 'policy.simulate',
} as const;
export type CaseAction = (typeof CaseAction)[keyof typeof CaseAction];
