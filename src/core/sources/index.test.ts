import { describe, expect, it } from 'vitest';
import { DocketError } from '../errors/index.js';
import { DeclinedCategory, findDeclinedCategory, parseRetention, validateRegistration } from './index.js';

const valid = {
  name: 'arrivals-departures',
  legalAuthority: '8 U.S.C. 1365b (biometric entry-exit system)',
  purposes: ['identity-resolution', 'departure-verification'],
  category: 'travel-records',
  retention: '75y',
};

function refusal(input: unknown): DocketError {
  try {
    validateRegistration(input);
  } catch (error) {
    if (error instanceof DocketError) return error;
    throw error;
  }
  throw new Error('expected the registration to be refused');
}

describe('validateRegistration', () => {
  it('accepts a complete registration and converts the retention to days', () => {
    const { retention: _retention, ...rest } = valid;
    expect(validateRegistration(valid)).toEqual({ ...rest, retentionDays: 75 * 365, description: '' });
  });

  it.each(DeclinedCategory.map((d) => [d.category, d.rule] as const))('refuses the declined category %s with rule %s', (category, rule) => {
    const error = refusal({ ...valid, category });
    expect(error.code).toBe('declined-by-design');
    expect(error.message).toContain(rule);
    expect(error.details['rule']).toBe(rule);
  });

  it.each([
    ['License-Plate Reads', 'DECLINED-LICENCE-PLATE-READS'],
    ['SOCIAL_MEDIA', 'DECLINED-SOCIAL-MEDIA'],
    ['cell tower pings', 'DECLINED-LOCATION-TRACKING'],
  ])('recognizes the declined category however it is spelled: %s', (category, rule) => {
    expect(refusal({ ...valid, category }).details['rule']).toBe(rule);
  });

  it('refuses a declined category hidden in the description', () => {
    const error = refusal({ ...valid, description: 'arrivals enriched with Instagram handles' });
    expect(error.details['rule']).toBe('DECLINED-SOCIAL-MEDIA');
  });

  it.each([
    [{ ...valid, legalAuthority: undefined }, 'legalAuthority'],
    [{ ...valid, purposes: [] }, 'purposes'],
    [{ ...valid, category: 'weather' }, 'category'],
    [{ ...valid, purposes: ['curiosity'] }, 'purposes'],
    [{ ...valid, retention: 'forever' }, 'retention'],
    [{ ...valid, name: 'Bad Name' }, 'name'],
  ])('says which field is wrong', (input, field) => {
    const error = refusal(input);
    expect(error.code).toBe('invalid-input');
    expect(error.details['field']).toBe(field);
    expect(error.hint).toBeTruthy();
  });

  it('does not mistake ordinary immigration words for declined ones', () => {
    for (const text of ['visa issuance', 'departure manifests', 'immigration court dockets', 'biometric exit confirmations']) {
      expect(findDeclinedCategory(text)).toBeUndefined();
    }
  });
});

describe('parseRetention', () => {
  it.each([['3650', 3650], ['90d', 90], ['18m', 540], ['10y', 3650], ['0', undefined], ['-5d', undefined], ['ten years', undefined]])('%s', (text, days) => {
    expect(parseRetention(text)).toBe(days);
  });
});
