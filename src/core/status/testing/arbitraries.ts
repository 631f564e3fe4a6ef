import fc from 'fast-check';
import { IsoDay } from '../../calendar/index.js';
import type { EventInput, RecordSpec } from './build-person.js';

/** Days from 2015 to 2030: wide enough for stays, bars and appeal periods to play out. */
export const dayIn = (from = '2015-01-01', to = '2030-12-31'): fc.Arbitrary<string> =>
  fc.integer({ min: IsoDay.toDayNumber(from), max: IsoDay.toDayNumber(to) }).map((n) => IsoDay.fromDayNumber(n));

const caseNumber = fc.constantFrom('A1', 'A2');
const country = fc.constantFrom('MEX', 'GTM', 'HND', 'SLV', 'VEN', 'IND', 'CHN', 'NGA');
const decided = <D extends string>(decisions: readonly D[]) =>
  fc.record({ decision: fc.constantFrom(...decisions), decidedOn: fc.option(dayIn(), { nil: undefined }) });

/** Any event of the canonical schema with plausible values, court events on two case numbers. */
export const anyEvent: fc.Arbitrary<EventInput> = fc.oneof(
  fc.record({ kind: fc.constant('arrival' as const), date: dayIn(), classOfAdmission: fc.constantFrom('B2', 'F1', 'H1B', 'J1'), admitUntil: fc.option(dayIn(), { nil: undefined }), durationOfStatus: fc.boolean() }),
  fc.record({ kind: fc.constant('departure' as const), date: dayIn(), evidence: fc.constantFrom('departure-record' as const, 'manifest' as const, 'biometric-exit' as const) }),
  fc.record({ kind: fc.constant('student-status' as const), date: dayIn(), status: fc.constantFrom('active' as const, 'completed' as const, 'terminated' as const, 'violation-found' as const) }),
  fc.record({ kind: fc.constant('benefit-application' as const), date: dayIn(), form: fc.constantFrom('I-539', 'I-589', 'I-485', 'I-765', 'I-821'), timelyFiled: fc.option(fc.boolean(), { nil: undefined }) })
    .chain((base) => decided(['pending', 'approved', 'denied', 'withdrawn'] as const).map((d) => ({ ...base, ...d }))),
  fc.record({ kind: fc.constant('deferred-action' as const), date: dayIn(), until: fc.option(dayIn(), { nil: undefined }) }),
  fc.record({ kind: fc.constant('temporary-protected-status' as const), date: dayIn(), until: fc.option(dayIn(), { nil: undefined }), country: fc.option(country, { nil: undefined }) }),
  fc.record({ kind: fc.constant('court-case-opened' as const), date: dayIn(), caseNumber }),
  fc.record({
    kind: fc.constant('order' as const), date: dayIn(), caseNumber,
    outcome: fc.constantFrom('removal' as const, 'removal' as const, 'voluntary-departure' as const, 'relief-granted' as const, 'terminated' as const, 'withholding' as const, 'cat-protection' as const),
    inAbsentia: fc.boolean(), appealWaived: fc.boolean(), protectedCountry: fc.option(country, { nil: undefined }), destination: fc.option(country, { nil: undefined }),
  }),
  fc.record({ kind: fc.constant('voluntary-departure-grant' as const), date: dayIn(), caseNumber, stage: fc.constantFrom('before-conclusion' as const, 'at-conclusion' as const), days: fc.integer({ min: 1, max: 130 }) })
    .map(({ days, ...grant }) => ({ ...grant, deadline: IsoDay.addDays(grant.date, days) })),
  fc.record({ kind: fc.constant('appeal' as const), date: dayIn(), caseNumber }).chain((base) => decided(['pending', 'dismissed', 'sustained', 'remanded'] as const).map((d) => ({ ...base, ...d }))),
  fc.record({ kind: fc.constant('motion-to-reopen' as const), date: dayIn(), caseNumber }).chain((base) => decided(['pending', 'granted', 'denied'] as const).map((d) => ({ ...base, ...d }))),
  fc.record({ kind: fc.constant('petition-for-review' as const), date: dayIn(), caseNumber, decision: fc.constantFrom('pending' as const, 'granted' as const, 'denied' as const) }),
  fc.record({
    kind: fc.constant('stay' as const), date: dayIn(), caseNumber: fc.option(caseNumber, { nil: undefined }),
    grantedBy: fc.constantFrom('immigration-court' as const, 'appeals-board' as const, 'federal-court' as const, 'agency' as const),
    until: fc.option(dayIn(), { nil: undefined }), lifted: fc.option(dayIn(), { nil: undefined }),
  }),
  fc.record({ kind: fc.constant('criminal-disposition' as const), date: dayIn(), offenceCategory: fc.constantFrom('aggravated-felony', 'controlled-substance', 'traffic'), disposition: fc.constantFrom('convicted' as const, 'acquitted' as const, 'dismissed' as const, 'pending' as const) }),
);

/** Events that prove citizenship by themselves. */
export const citizenshipProof: fc.Arbitrary<EventInput> = fc.oneof(
  fc.record({ kind: fc.constant('us-passport' as const), date: dayIn() }),
  fc.record({ kind: fc.constant('naturalization' as const), date: dayIn() }),
  fc.record({ kind: fc.constant('citizenship-certificate' as const), date: dayIn() }),
);

/** The person's own fields on a base record: a foreign birth, an adult by 2015. */
export const baseFields: fc.Arbitrary<RecordSpec['fields']> = fc.record({
  dateOfBirth: dayIn('1950-01-01', '1996-12-31'),
  countryOfBirth: country,
  sex: fc.constantFrom('F' as const, 'M' as const, 'X' as const),
});

/** A random person: one base record and one record per event. */
export const anyHistory = fc.record({ fields: baseFields, events: fc.array(anyEvent, { maxLength: 14 }) });
