/** The shapes the API answers with (see /api/openapi.json); the server validates, the app reads. */

export interface ApiErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly hint?: string; readonly details?: Readonly<Record<string, unknown>> };
}

export interface SessionInfo {
  readonly username: string;
  readonly displayName: string;
  readonly role: string;
  readonly purpose: string | null;
  readonly purposes: readonly { readonly purpose: string; readonly legalBasis: string }[];
  readonly permissions: readonly string[];
  readonly csrfToken: string;
  readonly expiresAt: string;
}

export interface SearchHit {
  readonly personId: number;
  readonly recordId: number;
  readonly name: string;
  readonly dateOfBirth: string | null;
  readonly score: number;
  readonly reasons: readonly string[];
}

export interface SearchResult {
  readonly query: string;
  readonly hits: readonly SearchHit[];
  readonly tookMs: number;
}

export interface FieldWeight {
  readonly field: string;
  readonly level?: string;
  readonly weight: number;
  readonly valueA?: string;
  readonly valueB?: string;
}

export interface LinkExplanation {
  readonly priorWeight: number;
  readonly fields: readonly FieldWeight[];
  readonly matchWeight?: number;
  readonly probability?: number;
  readonly note?: string;
}

export interface Supported {
  readonly value: string;
  readonly recordIds: readonly number[];
}

export interface SourceRecordView {
  readonly id: number;
  readonly source: { readonly name: string; readonly category: string; readonly legalAuthority: string };
  readonly lineage: {
    readonly rawRecordId: number;
    readonly file: string;
    readonly line: number;
    readonly byteOffset: number;
    readonly ingestRunId: number;
    readonly contentHash: string;
    readonly mappingVersion: number;
    readonly ingestedAt: string;
  };
  readonly record: Readonly<Record<string, unknown>>;
  readonly link: { readonly since: string; readonly matchScore: number | null; readonly explanation: LinkExplanation | null };
}

export interface QualityFlag {
  readonly code: string;
  readonly severity: 'info' | 'warning';
  readonly message: string;
}

export interface PersonProfile {
  readonly id: number;
  readonly displayName: string;
  readonly identity: {
    readonly names: readonly Supported[];
    readonly datesOfBirth: readonly Supported[];
    readonly countriesOfBirth: readonly Supported[];
    readonly citizenships: readonly Supported[];
    readonly documents: readonly (Supported & { readonly kind: string })[];
  };
  readonly records: readonly SourceRecordView[];
  readonly withheldRecords: number;
  readonly timeline: readonly { readonly date: string; readonly kind: string; readonly summary: string; readonly recordId: number; readonly source: string }[];
  readonly history: readonly { readonly kind: string; readonly at: string; readonly actor: string; readonly reason: string; readonly entityIds: readonly number[]; readonly recordIds: readonly number[] }[];
  readonly openReviews: readonly { readonly id: number; readonly recordA: number; readonly recordB: number; readonly score: number }[];
  readonly flags: readonly QualityFlag[];
}

export interface EntityChange {
  readonly kind: 'merged' | 'split';
  readonly personId: number;
  readonly otherPersonId: number;
  readonly recordIds: readonly number[];
}

export interface ReviewSummary {
  readonly id: number;
  readonly status: 'open' | 'decided';
  readonly score: number;
  readonly createdAt: string;
  readonly nameA: string;
  readonly nameB: string;
  readonly decision: 'match' | 'not-a-match' | 'unsure' | null;
}

export interface ReviewSide {
  readonly recordId: number;
  readonly personId: number | null;
  readonly name: string;
  readonly source: string;
  readonly record: Readonly<Record<string, unknown>>;
}

export interface ReviewItem extends ReviewSummary {
  readonly a: ReviewSide;
  readonly b: ReviewSide;
  readonly explanation: LinkExplanation | null;
  readonly decidedBy: string | null;
  readonly decidedAt: string | null;
  readonly reason: string | null;
}

export interface SourceHealth {
  readonly name: string;
  readonly category: string;
  readonly records: number;
  readonly quarantined: number;
  readonly acceptedShare: number;
  readonly lastIngestAt: string | null;
  readonly lastRunStatus: string | null;
}

export interface DashboardStats {
  readonly at: string;
  readonly totals: { readonly sources: number; readonly records: number; readonly entities: number; readonly pendingReviews: number; readonly quarantined: number; readonly ingestRunsRunning: number };
  readonly sources: readonly SourceHealth[];
  readonly ingestByHour: readonly { readonly hour: string; readonly records: number }[];
  readonly quality: { readonly recordsWithoutDateOfBirth: number; readonly recordsWithoutDocument: number; readonly entitiesWithOneRecord: number; readonly reviewsDecided: number };
}

export interface DashboardEvent {
  readonly kind: string;
  readonly at: string;
  readonly summary: string;
}

export interface LedgerEntry {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly role: string;
  readonly action: string;
  readonly target: string;
  readonly purpose: string;
  readonly legalBasis: string;
  readonly outcome: string;
  readonly details: Readonly<Record<string, unknown>>;
  readonly hash: string;
}
