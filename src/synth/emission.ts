import type { Day } from './calendar.js';

/** What happened, as one government system recorded it: one emission becomes one row of one source file. */
export type Emission =
  | {
    readonly source: 'visa-issuance'; readonly date: Day; readonly visaClass: string; readonly validUntil: Day; readonly foil: string; readonly post: string; readonly outcome: 'ISSUED' | 'REFUSED';
    /** The applicant's answer on the application (DS-160) about a parent living in the United States: that parent's status there. */
    readonly parentInUs: 'US_CITIZEN' | undefined;
  }
  | {
    readonly source: 'arrivals-departures'; readonly date: Day;
    /** A arrival, D departure, U a new I-94 issued with an approved extension or change of status. */
    readonly movement: 'A' | 'D' | 'U';
    readonly classOfAdmission: string; readonly admitUntil: Day | undefined; readonly durationOfStatus: boolean;
    readonly port: string; readonly i94: string; readonly carrier: string;
  }
  | { readonly source: 'student-status'; readonly date: Day; readonly sevisId: string; readonly status: 'ACTIVE' | 'COMPLETED' | 'TERMINATED' | 'VIOLATION'; readonly school: string; readonly programStart: Day; readonly programEnd: Day; readonly visaClass: string }
  | {
    readonly source: 'benefit-applications'; readonly date: Day; readonly form: string; readonly receipt: string;
    readonly decision: 'PENDING' | 'APPROVED' | 'DENIED' | 'WITHDRAWN'; readonly decidedOn: Day | undefined; readonly timely: boolean | undefined;
    /** What an approval granted, when it grants a status: a change of status, TPS or deferred action. */
    readonly grant: 'COS' | 'TPS' | 'DEFERRED_ACTION' | undefined; readonly validUntil: Day | undefined;
    readonly currentClass: string | undefined; readonly requestedClass: string | undefined; readonly tpsCountry: string | undefined;
  }
  | {
    readonly source: 'lpr-naturalization'; readonly date: Day; readonly recordType: 'LPR' | 'NATZ' | 'CERT' | 'PARENT';
    readonly classCode: string | undefined; readonly certificate: string | undefined; readonly basis: 'DERIVATION' | 'ACQUISITION' | undefined;
    readonly parentCitizenSince: Day | undefined; readonly custody: boolean | undefined; readonly bornAbroadToCitizen: boolean | undefined;
  }
  | { readonly source: 'us-passports'; readonly date: Day; readonly recordType: 'PASSPORT' | 'CRBA'; readonly number: string; readonly expires: Day | undefined }
  | { readonly source: 'court-dockets'; readonly date: Day; readonly caseNumber: string; readonly rowType: 'NTA' | 'MASTER' | 'INDIVIDUAL'; readonly attended: boolean | undefined; readonly court: string }
  | {
    readonly source: 'court-orders'; readonly date: Day; readonly caseNumber: string;
    readonly outcome: 'RM' | 'VD' | 'RL' | 'TR' | 'WH' | 'CAT'; readonly inAbsentia: boolean; readonly appealWaived: boolean;
    readonly protectedCountry: string | undefined; readonly destination: string | undefined; readonly court: string;
  }
  | { readonly source: 'appeals'; readonly date: Day; readonly caseNumber: string; readonly filing: 'APPEAL' | 'MTR' | 'PFR'; readonly decision: 'PENDING' | 'DISMISSED' | 'SUSTAINED' | 'REMANDED' | 'GRANTED' | 'DENIED'; readonly decidedOn: Day | undefined }
  | { readonly source: 'stays'; readonly date: Day; readonly caseNumber: string; readonly grantedBy: 'IJ' | 'BIA' | 'FED' | 'ICE'; readonly at: string | undefined; readonly until: Day | undefined; readonly lifted: Day | undefined }
  | { readonly source: 'voluntary-departure'; readonly date: Day; readonly caseNumber: string; readonly deadline: Day; readonly stage: 'PRE' | 'POST' }
  | { readonly source: 'criminal-dispositions'; readonly date: Day; readonly caseNumber: string; readonly offence: string; readonly disposition: 'CONVICTED' | 'ACQUITTED' | 'DISMISSED' | 'PENDING'; readonly court: string }
  | { readonly source: 'departure-manifests'; readonly date: Day; readonly carrier: string; readonly flight: string; readonly port: string; readonly destination: string }
  | { readonly source: 'biometric-exit'; readonly date: Day; readonly time: string; readonly port: string; readonly flight: string; readonly score: number };

export type SourceId = Emission['source'];

export const SourceIds = [
  'visa-issuance', 'arrivals-departures', 'student-status', 'benefit-applications', 'lpr-naturalization', 'us-passports',
  'court-dockets', 'court-orders', 'appeals', 'stays', 'voluntary-departure', 'criminal-dispositions',
  'departure-manifests', 'biometric-exit',
] as const satisfies readonly SourceId[];
