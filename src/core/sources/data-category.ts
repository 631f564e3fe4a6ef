/** The categories of data Docket holds, each tied to a part of the immigration record. */
export const DataCategory = [
  'visa-records',
  'travel-records',
  'student-status',
  'immigration-court',
  'criminal-dispositions',
  'benefit-records',
  'naturalization-records',
  'voluntary-departure',
  'departure-manifests',
  'biometric-exit',
  'identity-documents',
] as const;
export type DataCategory = (typeof DataCategory)[number];

/** Why a source may be read: each request and each source declares one or more of these. */
export const PurposeOfUse = [
  'case-processing',
  'identity-resolution',
  'legal-status-determination',
  'departure-verification',
  'removal-logistics',
  'data-quality',
  'challenge-and-correction',
  'oversight-audit',
] as const;
export type PurposeOfUse = (typeof PurposeOfUse)[number];
