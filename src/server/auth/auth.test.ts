import { describe, expect, it } from 'vitest';
import { DocketError } from '../../core/errors/index.js';
import { hashPassword, verifyPassword } from './password.js';
import { SignInLimiter } from './sign-in-limiter.js';

describe('password hashing', () => {
  it('salts each hash and verifies only the right password', async () => {
    const a = await hashPassword('correct horse');
    const b = await hashPassword('correct horse');
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse', a)).toBe(true);
    expect(await verifyPassword('correct horsE', a)).toBe(false);
    expect(await verifyPassword('correct horse', 'plain:correct horse')).toBe(false);
  });
});

describe('sign-in limiter', () => {
  it('stops an account after its failures, per address, until the window passes', () => {
    let now = 0;
    const limiter = new SignInLimiter({ failuresPerAccount: 2, attemptsPerAddress: 100, windowMs: 1_000 }, () => now);
    for (let i = 0; i < 2; i++) {
      limiter.checkAttempt('10.0.0.1', 'ana');
      limiter.recordFailure('10.0.0.1', 'ana');
    }
    expect(() => { limiter.checkAttempt('10.0.0.1', 'ana'); }).toThrow(DocketError);
    expect(() => { limiter.checkAttempt('10.0.0.2', 'ana'); }).not.toThrow();
    now = 1_001;
    expect(() => { limiter.checkAttempt('10.0.0.1', 'ana'); }).not.toThrow();
  });

  it('caps every attempt from one address', () => {
    const limiter = new SignInLimiter({ failuresPerAccount: 100, attemptsPerAddress: 3, windowMs: 60_000 });
    for (let i = 0; i < 3; i++) limiter.checkAttempt('10.0.0.9', `user${i}`);
    expect(() => { limiter.checkAttempt('10.0.0.9', 'user9'); }).toThrow(/too many sign-in attempts/);
  });
});
