import { DocketError } from '../../core/errors/index.js';

export interface SignInLimits {
  /** Failed attempts allowed for one user name from one address per window. */
  readonly failuresPerAccount: number;
  /** Attempts of any kind allowed from one address per window. */
  readonly attemptsPerAddress: number;
  readonly windowMs: number;
}

export const defaultSignInLimits: SignInLimits = { failuresPerAccount: 5, attemptsPerAddress: 30, windowMs: 10 * 60_000 };

interface Window {
  count: number;
  resetAt: number;
}

/**
 * Fixed-window counters that slow password guessing: per address and user name for failures,
 * per address for every attempt. In memory, so each process counts on its own.
 */
export class SignInLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly limits: SignInLimits = defaultSignInLimits, private readonly now: () => number = Date.now) {}

  /** Throws `rate-limited` before the password is even checked when either budget is spent. */
  checkAttempt(address: string, username: string): void {
    const attempts = this.bump(`addr:${address}`);
    const failures = this.peek(`fail:${address}:${username}`);
    const spent = attempts.count > this.limits.attemptsPerAddress ? attempts : failures.count >= this.limits.failuresPerAccount ? failures : undefined;
    if (spent !== undefined) {
      const seconds = Math.max(1, Math.ceil((spent.resetAt - this.now()) / 1000));
      throw new DocketError('rate-limited', 'too many sign-in attempts', { hint: `wait ${seconds} seconds and try again`, details: { retryAfterSeconds: seconds } });
    }
  }

  recordFailure(address: string, username: string): void {
    this.bump(`fail:${address}:${username}`);
  }

  recordSuccess(address: string, username: string): void {
    this.windows.delete(`fail:${address}:${username}`);
  }

  private peek(key: string): Window {
    const now = this.now();
    const window = this.windows.get(key);
    if (window !== undefined && window.resetAt > now) return window;
    const fresh = { count: 0, resetAt: now + this.limits.windowMs };
    this.windows.set(key, fresh);
    if (this.windows.size > 100_000) this.sweep(now);
    return fresh;
  }

  private bump(key: string): Window {
    const window = this.peek(key);
    window.count++;
    return window;
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }
}
