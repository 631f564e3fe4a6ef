export type { DocketEvent, DocketEventKind, EventBus } from './docket-event.js';
