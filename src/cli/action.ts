import { DocketError } from '../core/errors/index.js';

/**
 * Wraps a command's action: errors become one line on stderr and a non-zero exit,
 * so scripts can rely on the exit code and people read one clear sentence.
 */
export function action<A extends unknown[]>(run: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await run(...args);
    } catch (error) {
      process.exitCode = reportError(error);
    }
  };
}

function reportError(error: unknown): number {
  if (DocketError.is(error)) {
    process.stderr.write(`docket: ${error.toLine()}\n`);
    return 1;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`docket: unexpected failure: ${message}\n`);
  if (process.env['DOCKET_DEBUG'] !== undefined && error instanceof Error) process.stderr.write(`${error.stack ?? ''}\n`);
  return 2;
}

/** Writes machine-readable output for `--json`. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
