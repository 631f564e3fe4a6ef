/**
 * What happens in Docket that others may want to see as it happens: the dashboard, other
 * workers, the case rules. Events carry ids and counts, never a person's data.
 */
export type DocketEvent =
  | { readonly kind: 'ingest-progress'; readonly source: string; readonly file: string; readonly read: number; readonly stored: number; readonly duplicates: number; readonly quarantined: number }
  | { readonly kind: 'ingest-completed'; readonly source: string; readonly file: string; readonly runId: number; readonly stored: number; readonly quarantined: number }
  | { readonly kind: 'record-ingested'; readonly source: string; readonly recordIds: readonly number[] }
  | { readonly kind: 'record-quarantined'; readonly source: string; readonly count: number }
  | { readonly kind: 'entity-created'; readonly entityId: number; readonly recordIds: readonly number[] }
  | { readonly kind: 'entity-updated'; readonly entityId: number; readonly recordIds: readonly number[] }
  | { readonly kind: 'entity-merged'; readonly entityId: number; readonly mergedIds: readonly number[] }
  | { readonly kind: 'entity-split'; readonly entityId: number; readonly newEntityIds: readonly number[] }
  | { readonly kind: 'review-needed'; readonly reviewId: number; readonly score: number }
  | { readonly kind: 'review-decided'; readonly reviewId: number; readonly decision: string }
  | { readonly kind: 'records-purged'; readonly source: string; readonly count: number };

export type DocketEventKind = DocketEvent['kind'];

/** Carries events to whoever listens: in this process, or across processes through NATS. */
export interface EventBus {
  publish(event: DocketEvent): Promise<void>;
  /** Calls `handler` for every event from now on; returns the function that stops it. */
  subscribe(handler: (event: DocketEvent) => void): () => void;
  close(): Promise<void>;
}
