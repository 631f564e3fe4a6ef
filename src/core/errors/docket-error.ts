/** What went wrong, as a closed set; each maps to one HTTP status in one place. */
export const ErrorCode = {
  invalidInput: 'invalid-input',
  notFound: 'not-found',
  conflict: 'conflict',
  declined: 'declined-by-design',
  refused: 'refused',
  unauthenticated: 'unauthenticated',
  rateLimited: 'rate-limited',
  databaseConfig: 'database-config',
  databaseUnavailable: 'database-unavailable',
  storeLocked: 'store-locked',
  migration: 'migration',
  ledgerBroken: 'ledger-broken',
  io: 'io',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

const httpStatus: Record<ErrorCode, number> = {
  'invalid-input': 400,
  'not-found': 404,
  conflict: 409,
  'declined-by-design': 422,
  refused: 422,
  unauthenticated: 401,
  'rate-limited': 429,
  'database-config': 500,
  'database-unavailable': 503,
  'store-locked': 503,
  migration: 500,
  'ledger-broken': 500,
  io: 500,
};

export interface DocketErrorOptions {
  /** What the user can do about it. */
  readonly hint?: string;
  /** Structured detail for programs (a rule id, a field path, a line number). */
  readonly details?: Readonly<Record<string, unknown>>;
  readonly cause?: unknown;
}

/** The one error type of Docket: says what was wrong, where, and what to do. */
export class DocketError extends Error {
  override readonly name = 'DocketError';
  readonly code: ErrorCode;
  readonly hint: string | undefined;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: ErrorCode, message: string, options: DocketErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.hint = options.hint;
    this.details = options.details ?? {};
  }

  get status(): number {
    return httpStatus[this.code];
  }

  /** One line for a terminal: the message, then what to do. */
  toLine(): string {
    return this.hint === undefined ? this.message : `${this.message}; ${this.hint}`;
  }

  static is(error: unknown, code?: ErrorCode): error is DocketError {
    return error instanceof DocketError && (code === undefined || error.code === code);
  }
}
