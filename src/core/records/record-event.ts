import { z } from 'zod';

/** A calendar date, ISO 8601 (YYYY-MM-DD). Canonical records hold dates only in this form. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');
export type IsoDate = z.infer<typeof IsoDate>;

/** ISO 3166-1 alpha-3 country code, upper case ("MEX", "USA"). */
export const CountryCode = z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 3166 alpha-3 country code');

const base = { date: IsoDate };

/**
 * The life events Docket understands, one `kind` each. Every event of a canonical record
 * comes from one source row; the legal-status rules read only these.
 */
export const RecordEvent = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('visa-issued'), ...base, visaClass: z.string(), validUntil: IsoDate.optional(), foilNumber: z.string().optional() }),
  z.object({
    kind: z.literal('arrival'), ...base,
    classOfAdmission: z.string(),
    /** Admitted until this date; absent when admitted for duration of status. */
    admitUntil: IsoDate.optional(),
    durationOfStatus: z.boolean().default(false),
    port: z.string().optional(),
    arrivalRecordNumber: z.string().optional(),
  }),
  z.object({
    kind: z.literal('departure'), ...base,
    evidence: z.enum(['departure-record', 'manifest', 'biometric-exit']),
    port: z.string().optional(),
    carrier: z.string().optional(),
    flight: z.string().optional(),
  }),
  z.object({ kind: z.literal('student-status'), ...base, status: z.enum(['active', 'completed', 'terminated', 'violation-found']), school: z.string().optional() }),
  z.object({ kind: z.literal('status-change'), ...base, fromClass: z.string().optional(), toClass: z.string() }),
  z.object({
    kind: z.literal('benefit-application'), ...base,
    /** The form filed, e.g. I-539 (extension), I-485 (adjustment), I-589 (asylum), I-821 (TPS), N-600 (certificate of citizenship). */
    form: z.string(),
    receipt: z.string().optional(),
    decision: z.enum(['pending', 'approved', 'denied', 'withdrawn']),
    decidedOn: IsoDate.optional(),
    /** Filed before the authorized stay ended (matters for extensions and changes of status). */
    timelyFiled: z.boolean().optional(),
  }),
  z.object({ kind: z.literal('permanent-residence'), ...base }),
  z.object({ kind: z.literal('naturalization'), ...base, certificateNumber: z.string().optional() }),
  z.object({ kind: z.literal('citizenship-certificate'), ...base, certificateNumber: z.string().optional(), basis: z.enum(['derivation', 'acquisition']).optional() }),
  z.object({ kind: z.literal('us-passport'), ...base, passportNumber: z.string().optional() }),
  z.object({ kind: z.literal('parent-citizenship'), ...base, parentCitizenSince: IsoDate.optional(), custody: z.boolean().optional(), bornAbroadToCitizen: z.boolean().optional() }),
  z.object({ kind: z.literal('deferred-action'), ...base, until: IsoDate.optional() }),
  z.object({ kind: z.literal('temporary-protected-status'), ...base, until: IsoDate.optional(), country: CountryCode.optional() }),
  z.object({ kind: z.literal('court-case-opened'), ...base, caseNumber: z.string() }),
  z.object({ kind: z.literal('hearing'), ...base, caseNumber: z.string(), attended: z.boolean().optional() }),
  z.object({
    kind: z.literal('order'), ...base, caseNumber: z.string(),
    outcome: z.enum(['removal', 'voluntary-departure', 'relief-granted', 'terminated', 'withholding', 'cat-protection']),
    inAbsentia: z.boolean().default(false),
    appealWaived: z.boolean().default(false),
    /** For withholding or CAT protection: the country removal to which is forbidden. */
    protectedCountry: CountryCode.optional(),
    /** For removal orders: the designated country. */
    destination: CountryCode.optional(),
  }),
  z.object({ kind: z.literal('voluntary-departure-grant'), ...base, caseNumber: z.string(), deadline: IsoDate, stage: z.enum(['before-conclusion', 'at-conclusion']) }),
  z.object({ kind: z.literal('appeal'), ...base, caseNumber: z.string(), decision: z.enum(['pending', 'dismissed', 'sustained', 'remanded']), decidedOn: IsoDate.optional() }),
  z.object({ kind: z.literal('motion-to-reopen'), ...base, caseNumber: z.string(), decision: z.enum(['pending', 'granted', 'denied']), decidedOn: IsoDate.optional() }),
  z.object({ kind: z.literal('petition-for-review'), ...base, caseNumber: z.string(), decision: z.enum(['pending', 'granted', 'denied']).default('pending') }),
  z.object({
    kind: z.literal('stay'), ...base, caseNumber: z.string().optional(),
    grantedBy: z.enum(['immigration-court', 'appeals-board', 'federal-court', 'agency']),
    /** Time of day when it matters (a stay granted shortly before a flight). */
    at: z.iso.datetime({ offset: true }).optional(),
    until: IsoDate.optional(),
    lifted: IsoDate.optional(),
  }),
  z.object({ kind: z.literal('criminal-disposition'), ...base, offenceCategory: z.string(), disposition: z.enum(['convicted', 'acquitted', 'dismissed', 'pending']), court: z.string().optional() }),
]);
export type RecordEvent = z.infer<typeof RecordEvent>;
export type RecordEventKind = RecordEvent['kind'];
