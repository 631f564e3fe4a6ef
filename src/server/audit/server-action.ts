/**
 * The ledger actions of the HTTP API, as one table so the inventory of what the web app can
 * do to data and to people is in one place.
 */
export const ServerAction = {
  accountsSeed: 'accounts.seed',
  accountsList: 'accounts.list',
  signIn: 'session.sign-in',
  signOut: 'session.sign-out',
  declarePurpose: 'session.purpose',
  personSearch: 'person.search',
  personRead: 'person.read',
  entityMerge: 'entity.merge',
  entitySplit: 'entity.split',
  reviewList: 'review.list',
  reviewRead: 'review.read',
  reviewDecide: 'review.decide',
  ledgerRead: 'ledger.read',
  accessDenied: 'access.denied',
} as const;
export type ServerAction = (typeof ServerAction)[keyof typeof ServerAction];
